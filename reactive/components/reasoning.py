"""``Chatbot(reasoning_tags=)``: text between tags such as ``<think>…</think>`` becomes a thought.

An assistant message ``"<think>plan</think>Answer"`` is shown as a collapsed thought ("plan") and
the answer. While a streamed answer is still inside an open tag, the thought is the last message,
marked pending, so its text keeps growing by append deltas; once the tag closes, the answer
after it is the last message and grows the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reactive.errors import DefinitionError

Tags = tuple[tuple[str, str], ...]
THOUGHT_TITLE = "Thinking"


def check_tags(tags: Sequence[Sequence[str]] | None) -> Tags:
    if tags is None:
        return ()
    pairs: list[tuple[str, str]] = []
    for pair in tags:
        if (
            not isinstance(pair, list | tuple)
            or len(pair) != 2
            or not all(isinstance(t, str) and t for t in pair)
        ):
            raise DefinitionError(
                f"Chatbot reasoning_tags is a list of (opening, closing) tag pairs such as "
                f"[('<think>', '</think>')]; got {pair!r}."
            )
        pairs.append((pair[0], pair[1]))
    return tuple(pairs)


def split_reasoning(message: dict[str, Any], tags: Tags) -> list[dict[str, Any]]:
    """``message`` (a wire message) cut into answer text and thoughts at the tags it holds."""
    text = message["content"]
    if (
        not tags
        or message["role"] != "assistant"
        or "metadata" in message
        or not isinstance(text, str)
    ):
        return [message]
    parts: list[dict[str, Any]] = []
    rest = text
    while rest:
        found = _first_opening(rest, tags)
        if found is None:
            parts.append({**message, "content": rest})
            break
        at, opening, closing = found
        if rest[:at].strip():
            parts.append({**message, "content": rest[:at]})
        inside = rest[at + len(opening) :]
        end = inside.find(closing)
        status = "pending" if end < 0 else "done"
        thought = inside if end < 0 else inside[:end]
        meta = {"title": THOUGHT_TITLE, "status": status}
        parts.append({"role": "assistant", "content": thought.strip("\n"), "metadata": meta})
        rest = "" if end < 0 else inside[end + len(closing) :].lstrip("\n")
    return parts or [message]


def _first_opening(text: str, tags: Tags) -> tuple[int, str, str] | None:
    best: tuple[int, str, str] | None = None
    for opening, closing in tags:
        at = text.find(opening)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, opening, closing)
    return best

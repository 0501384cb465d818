"""A ChatInterface's examples: cards in the empty chat (as Gradio draws them), or a table.

Gradio draws ``examples=`` as cards inside the empty conversation (``Chatbot(examples=)``), with
``example_labels`` as their text and ``example_icons`` as their pictures; a click asks the
example (``run_examples_on_click``) or only fills the box. Examples that also give values for
the additional inputs (``[message, value, ...]``) are a table under the chat instead, as in
Gradio, since a card cannot show those values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reactive.errors import DefinitionError


def as_cards(examples: Sequence[Any]) -> bool:
    """Cards unless an example gives a value for an additional input (Gradio's rule)."""
    return not any(
        isinstance(example, list | tuple) and any(v is not None for v in example[1:])
        for example in examples
    )


def example_cards(
    rows: Sequence[Any],
    labels: Sequence[str] | None,
    icons: Sequence[Any] | None,
    multimodal: bool,
) -> list[dict[str, Any]]:
    """``Chatbot(examples=)`` entries for the rows :func:`chat_examples` made (message first)."""
    if icons is not None and len(icons) != len(rows):
        raise DefinitionError(
            f"ChatInterface example_icons has {len(icons)} icons for {len(rows)} examples."
        )
    cards: list[dict[str, Any]] = []
    for index, row in enumerate(rows):
        message = row[0] if isinstance(row, list) else row
        card: dict[str, Any] = {"text": message["text"] if multimodal else message}
        if multimodal and message["files"]:
            card["files"] = list(message["files"])
        if labels is not None:
            card["display_text"] = str(labels[index])
        if icons is not None and icons[index] is not None:
            card["icon"] = icons[index]
        cards.append(card)
    return cards


def example_message(example: Mapping[str, Any], multimodal: bool) -> Any:
    """The message a clicked card asks: its text (and, multimodal, its files)."""
    text = str(example.get("text") or "")
    if not multimodal:
        return text
    files = example.get("files") or []
    return {"text": text, "files": [files] if isinstance(files, str) else list(files)}


def chat_examples(
    examples: Sequence[Any], labels: Sequence[str] | None, defaults: list[Any], multimodal: bool
) -> list[Any]:
    """The example rows for the inputs ``[message box, *extra]`` (the table's, or the cards')."""
    if labels is not None and len(labels) != len(examples):
        raise DefinitionError(
            f"ChatInterface example_labels has {len(labels)} labels for {len(examples)} examples."
        )
    extra = len(defaults)
    rows: list[Any] = []
    for example in examples:
        row = list(example) if extra and isinstance(example, list | tuple) else [example]
        row += defaults[len(row) - 1 :]  # values left out: the inputs' own
        message = row[0]
        if not multimodal and isinstance(message, Mapping) and message.get("files"):
            raise DefinitionError(
                "ChatInterface examples with files need multimodal=True (the message box that "
                "takes files)."
            )
        if multimodal and isinstance(message, str):
            row[0] = {"text": message, "files": []}
        if multimodal and isinstance(message, Mapping):
            row[0] = {
                "text": str(message.get("text") or ""),
                "files": list(message.get("files") or []),
            }
        if not multimodal and isinstance(message, Mapping):
            row[0] = str(message.get("text") or "")
        if extra and len(row) != 1 + extra:
            raise DefinitionError(
                f"ChatInterface example {example!r:.40} needs a message and {extra} value(s) "
                f"for the additional inputs."
            )
        rows.append(row if extra else row[0])
    return rows

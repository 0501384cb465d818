"""Chatbot: a conversation in the messages format, streamed token by token.

Messages are ``{"role": "user" | "assistant" | "system", "content": str}`` (Markdown, code blocks
kept). Gradio's older format, a list of ``[user, bot]`` pairs, is accepted too. When a generator
only grows the last message, the page receives only the new text (an ``append`` delta).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from reactive.components.base import Component
from reactive.errors import DefinitionError, OutputError

Message = dict[str, str]
ROLES = ("user", "assistant", "system")


class Chatbot(Component):
    """Shows a conversation. As an input, the function receives the history it last returned."""

    type = "chatbot"
    accepts_input: ClassVar[bool] = False
    updatable: ClassVar[frozenset[str]] = frozenset({"placeholder", "height"})

    def __init__(
        self,
        value: Any = None,
        *,
        type: Literal["messages", "tuples"] = "messages",
        label: str | None = None,
        height: int | str | None = None,
        placeholder: str | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("messages", "tuples"):
            raise DefinitionError(f"Chatbot type must be 'messages' or 'tuples', got {type!r}.")
        super().__init__(value, label=label, **kwargs)
        self.chat_type = type
        self.height = height
        self.placeholder = placeholder

    def extra_props(self) -> dict[str, Any]:
        return {"height": self.height, "placeholder": self.placeholder}

    def initial_python_value(self) -> Any:
        return [] if self.value is None else self.value

    def postprocess(self, value: Any) -> list[Message]:
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            raise OutputError(
                f"{self!r} shows a list of messages {{role, content}}; got {type(value).__name__}."
            )
        messages: list[Message] = []
        for item in value:
            messages.extend(self._messages(item))
        return messages

    def _messages(self, item: Any) -> list[Message]:
        if isinstance(item, Mapping) or hasattr(item, "role"):
            role = str(_field(item, "role"))
            if role not in ROLES:
                raise OutputError(f"{self!r}: a message role must be one of {ROLES}, got {role!r}.")
            return [{"role": role, "content": _content(_field(item, "content"))}]
        if isinstance(item, list | tuple) and len(item) == 2:
            pair = [("user", item[0]), ("assistant", item[1])]
            return [{"role": r, "content": _content(c)} for r, c in pair if c is not None]
        raise OutputError(
            f"{self!r}: each message is a dict {{role, content}} or a [user, bot] pair; "
            f"got {item!r:.60}."
        )

    def stream_parts(self, wire: Any) -> tuple[Any, str] | None:
        """Only the last message's text may grow by deltas; the rest must stay the same."""
        if not isinstance(wire, list) or not wire:
            return None
        last = wire[-1]
        return ([*wire[:-1], last["role"]], last["content"])


def _field(item: Any, name: str) -> Any:
    """A message's field: a dict key, or an attribute (Gradio's ChatMessage)."""
    return item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)


def _content(content: Any) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, Mapping) and "path" in content:
        return f"[{content['path']}]"
    if isinstance(content, tuple | list) and content:
        return f"[{content[0]}]"
    return str(content)

"""One chat message as an app writes it: ``rx.ChatMessage`` or a dict, in Gradio's messages format.

A message is ``{"role", "content", "metadata"?, "options"?}``. ``content`` is Markdown text, a file
(``{"path": ...}`` or a one-item tuple ``(path,)``), or a component showing a value
(``rx.Image(value=...)`` and the like). ``metadata`` makes the message a thought or a tool call,
drawn collapsed under its ``title`` (open while ``status`` is ``"pending"``); ``id`` and
``parent_id`` nest one inside another. ``options`` are answers the user may click.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NotRequired, TypedDict

from reactive.errors import OutputError

ROLES = ("user", "assistant", "system")
METADATA_KEYS = frozenset({"title", "status", "id", "parent_id", "duration", "log"})
STATUSES = ("pending", "done")


class MetadataDict(TypedDict, total=False):
    """What makes a message a collapsed thought or tool call (every key optional)."""

    title: str
    status: Literal["pending", "done"]
    id: int | str
    parent_id: int | str
    duration: float
    log: str


class OptionDict(TypedDict):
    """An answer shown under a message; a click sends ``value`` as the user's next message."""

    value: str
    label: NotRequired[str]


class MessageDict(TypedDict):
    """A message as a dict (Gradio's ``MessageDict``, for annotations): role and content."""

    role: Literal["user", "assistant", "system"]
    content: Any
    metadata: NotRequired[MetadataDict]
    options: NotRequired[list[OptionDict]]


@dataclass
class ChatMessage:
    """A chat message (Gradio's ``gr.ChatMessage``).

    Args:
        content: Markdown text, a file (``{"path": ...}``) or a component such as ``rx.Image``.
        role: ``"user"``, ``"assistant"`` or ``"system"``.
        metadata: a ``title`` (and ``status``, ``id``, ``parent_id``, ``duration``, ``log``)
            shows the message as a collapsed thought or tool call.
        options: answers the user may click (``{"value", "label"?}``).
    """

    content: Any = ""
    role: Literal["user", "assistant", "system"] = "assistant"
    metadata: MetadataDict | dict[str, Any] = field(default_factory=dict)
    options: list[OptionDict] | list[dict[str, Any]] = field(default_factory=list)


def field_of(item: Any, name: str) -> Any:
    """A message's field: a dict key, or an attribute (ChatMessage and look-alikes)."""
    return item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)


def is_message(item: Any) -> bool:
    return isinstance(item, Mapping) or (hasattr(item, "role") and hasattr(item, "content"))


def check_role(owner: str, role: Any) -> str:
    if role not in ROLES:
        raise OutputError(f"{owner}: a message role must be one of {ROLES}, got {role!r}.")
    return str(role)


def clean_metadata(owner: str, metadata: Any) -> dict[str, Any] | None:
    """The metadata as the page gets it; None when there is none (a plain message)."""
    if not metadata:
        return None
    if not isinstance(metadata, Mapping):
        raise OutputError(f"{owner}: a message's metadata is a dict, got {metadata!r:.60}.")
    unknown = sorted(set(metadata) - METADATA_KEYS)
    if unknown:
        raise OutputError(
            f"{owner}: unknown metadata key(s) {', '.join(unknown)}; "
            f"use {', '.join(sorted(METADATA_KEYS))}."
        )
    status = metadata.get("status")
    if status is not None and status not in STATUSES:
        raise OutputError(f"{owner}: metadata status is 'pending' or 'done', got {status!r}.")
    clean: dict[str, Any] = {}
    for key, value in metadata.items():
        if value is None:
            continue
        if key == "duration":
            clean[key] = float(value)
        elif key in ("id", "parent_id"):
            clean[key] = (
                value if isinstance(value, int) and not isinstance(value, bool) else str(value)
            )
        else:
            clean[key] = str(value)
    return clean or None


def clean_options(owner: str, options: Any) -> list[dict[str, str]] | None:
    if not options:
        return None
    if not isinstance(options, list | tuple):
        raise OutputError(f"{owner}: a message's options are a list of {{value, label}} dicts.")
    clean: list[dict[str, str]] = []
    for option in options:
        if not isinstance(option, Mapping) or "value" not in option:
            raise OutputError(f"{owner}: each option is a dict with 'value', got {option!r:.60}.")
        value = str(option["value"])
        clean.append({"value": value, "label": str(option.get("label") or value)})
    return clean

"""A chat history's forms: Gradio 6's (what a Gradio listener receives as a Chatbot's value),
Gradio's older ``[user, bot]`` pairs, and plain message dicts.

Gradio 6 sends every message through the page and back, so a function reading a Chatbot always
gets each message's content as a list of parts, whatever form the app wrote it in::

    {"role": "user", "metadata": None, "options": None,
     "content": [{"type": "text", "text": "Hello"}]}

A file is ``{"type": "file", "file": {"path", "url", "size", "orig_name", "mime_type",
"is_stream", "meta"}, "alt_text"}``; a component ``{"type": "component", "component", "value",
"constructor_args", "props", "instance"}``. The native API (``@app.fn``) keeps reactive's own
form, the content as the app gave it (docs/chat.md says which is which).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reactive.components.base import Component
from reactive.components.chat_content import is_file_pair
from reactive.components.chat_message import field_of, is_message

Part = dict[str, Any]
WireMessage = dict[str, Any]  # a message as the page gets it


def gradio_history(value: Any) -> list[dict[str, Any]]:
    """Every message of a chat value (dicts, ``ChatMessage``, ``[user, bot]`` pairs) with its
    content as parts."""
    return [gradio_message(item) for item in as_history(value)]


def gradio_message(item: Any) -> dict[str, Any]:
    """One message as Gradio 6's ``NormalizedMessageDict`` (empty metadata and options: None)."""
    metadata = field_of(item, "metadata")
    options = field_of(item, "options")
    return {
        "role": field_of(item, "role"),
        "metadata": dict(metadata) if metadata else None,
        "content": content_parts(field_of(item, "content")),
        "options": [dict(o) if isinstance(o, Mapping) else o for o in options] if options else None,
    }


def content_parts(content: Any) -> list[Part]:
    """A message's content (text, a file, a component, or already a list of parts) as parts."""
    if isinstance(content, list) and not is_file_pair(content):
        return [_part(item) for item in content if item is not None]
    return [_part(content)]


def _part(content: Any) -> Part:
    if content is None:
        return text_part("")
    if isinstance(content, str):
        return text_part(content)
    if isinstance(content, Component):
        return component_part(content)
    if isinstance(content, Mapping):
        return _mapping_part(content)
    if is_file_pair(content):  # Gradio's (path,) / (path, alt)
        return file_part(content[0], content[1] if len(content) > 1 else None)
    return text_part(str(content))


def _mapping_part(content: Mapping[str, Any]) -> Part:
    kind = content.get("type")
    if kind == "text" and "text" in content:
        return text_part(str(content["text"]))
    if kind == "component" or (kind is None and "component" in content and "value" in content):
        return dict(content)  # already a component part (Gradio's, as a listener gave it back)
    file = content.get("file", content) if kind in (None, "file") else None
    path = file.get("path") if isinstance(file, Mapping) else file
    if isinstance(path, str | Path):
        known = file if isinstance(file, Mapping) else {}
        return file_part(path, content.get("alt_text"), known)
    return text_part(str(dict(content)))


def text_part(text: str) -> Part:
    return {"text": text, "type": "text"}


def file_part(path: str | Path, alt: Any = None, known: Mapping[str, Any] | None = None) -> Part:
    """A file part with Gradio's ``FileData`` fields (those the app gave kept)."""
    known = known or {}
    name = Path(str(path)).name
    try:
        size: int | None = Path(path).stat().st_size
    except OSError:
        size = None
    file = {
        "path": str(path),
        "url": known.get("url"),
        "size": known.get("size", size),
        "orig_name": known.get("orig_name") or name,
        "mime_type": known.get("mime_type") or mimetypes.guess_type(name)[0],
        "is_stream": bool(known.get("is_stream", False)),
        "meta": {"_type": "gradio.FileData"},
    }
    return {"file": file, "alt_text": None if alt is None else str(alt), "type": "file"}


def component_part(component: Component) -> Part:
    """A component shown in a message; ``instance`` is the component itself, as in Gradio."""
    return {
        "component": component.type,
        "value": component.value,
        "constructor_args": {},
        "props": {},
        "type": "component",
        "instance": component,
    }


def to_tuples(messages: list[WireMessage]) -> list[list[Any]]:
    """Messages as Gradio's ``[user, bot]`` pairs (thoughts and system messages left out)."""
    pairs: list[list[Any]] = []
    for message in messages:
        if message["role"] == "system" or "metadata" in message:
            continue
        content = message["content"]
        if isinstance(content, Mapping) and "path" in content:
            content = (content["path"],)
        user = message["role"] == "user"
        if user or not pairs or pairs[-1][1] is not None:
            pairs.append([None, None])
        pairs[-1][0 if user else 1] = content
    return pairs


def as_history(value: Any) -> list[WireMessage]:
    """Any chat value (messages, ChatMessage, pairs) as plain message dicts, content untouched."""
    history: list[WireMessage] = []
    for item in value or []:
        if is_message(item):
            message: WireMessage = {
                "role": field_of(item, "role"),
                "content": field_of(item, "content"),
            }
            for key in ("metadata", "options"):
                extra = field_of(item, key)
                if extra:
                    message[key] = dict(extra) if isinstance(extra, Mapping) else list(extra)
            history.append(message)
        elif isinstance(item, list | tuple) and len(item) == 2:
            pair = [("user", item[0]), ("assistant", item[1])]
            history.extend({"role": r, "content": c} for r, c in pair if c is not None)
    return history

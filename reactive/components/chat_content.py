"""A chat message's content on the wire and back: text, a file, or a component showing a value.

To the page: text stays a string; a file (``{"path"}``, ``(path,)``) travels as
``{"file": {name, mime, data}}``; a component (``rx.Image(value=...)`` …) as
``{"component": type, "value": its wire value, "label"?}``, drawn by that component's own view;
Gradio 6's list of parts (``[{"type": "text", "text"}, {"type": "file", "file"}]``) as a list of
those, drawn one after another in one message.
From the page (an edited or restored history), files and pictures come back as bytes and are
written to the session's upload folder, so the function gets ``{"path", "mime_type", "orig_name"}``
as Gradio gives it.
"""

from __future__ import annotations

import mimetypes
import secrets
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reactive.components.base import Component
from reactive.components.upload_folder import upload_dir
from reactive.errors import InvalidValue, OutputError

#: Components a message may hold (Gradio's list, plus File and the display ones).
SHOWN_IN_CHAT = frozenset(
    {
        "image",
        "audio",
        "video",
        "gallery",
        "plot",
        "file",
        "html",
        "json",
        "markdown",
        "label",
        "dataframe",
    }
)


def content_to_wire(owner: Component, content: Any) -> Any:
    """What the page draws for one message's content."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, Component):
        return _component(owner, content)
    if isinstance(content, Mapping) and ("path" in content or "file" in content):
        file = content.get("file", content)
        path = file.get("path") if isinstance(file, Mapping) else file
        return {"file": _file(owner, path, content.get("alt_text"))}
    if is_file_pair(content):
        alt = content[1] if len(content) > 1 else None
        return {"file": _file(owner, content[0], alt)}
    if isinstance(content, list):  # Gradio 6: a list of parts, drawn in one message
        parts = [content_to_wire(owner, _part(part)) for part in content]
        # One text part (a history a Gradio listener received, given back) travels as text,
        # so it is drawn, edited and streamed (append deltas) as plain text is.
        return parts[0] if len(parts) == 1 and isinstance(parts[0], str) else parts
    return str(content)


def is_file_pair(content: Any) -> bool:
    """Gradio's ``(path,)`` / ``(path, alt)``; a list only when its first item is a real file
    (else it is a list of parts: ``["text", {"path": ...}]``)."""
    if not (isinstance(content, tuple | list) and content and isinstance(content[0], str | Path)):
        return False
    return isinstance(content, tuple) or (len(content) <= 2 and Path(content[0]).is_file())


def _part(part: Any) -> Any:
    """One part of a Gradio 6 message: ``{"type": "text", "text"}``, ``{"type": "file",
    "file": {"path"}}`` or anything a message's content may be."""
    if isinstance(part, Mapping) and part.get("type") == "text" and "text" in part:
        return str(part["text"])
    if isinstance(part, Mapping) and part.get("type") == "file" and "file" in part:
        file = part["file"]
        path = file.get("path") if isinstance(file, Mapping) else file
        return {"path": path, "alt_text": part.get("alt_text")}
    if isinstance(part, Mapping) and part.get("type") == "component":
        # A part a Gradio listener received (chat_history) and gave back: its instance.
        instance = part.get("instance")
        if not isinstance(instance, Component):
            raise OutputError(
                f"a component part of a message needs its 'instance' (the component), "
                f"got {part!r:.60}; put the component itself in the content."
            )
        return instance
    if isinstance(part, list):
        return str(part)  # parts do not nest
    return part


def _component(owner: Component, component: Component) -> dict[str, Any]:
    if component.type not in SHOWN_IN_CHAT:
        raise OutputError(
            f"{owner!r}: a message cannot show {type(component).__name__}; it shows text, files "
            f"and {', '.join(sorted(SHOWN_IN_CHAT))}."
        )
    component.served_paths = owner.served_paths  # the app's allowed paths, not the defaults
    component.media_limits = owner.media_limits
    wire: dict[str, Any] = {
        "component": component.type,
        "value": component.postprocess(component.value),
    }
    extra = component.extra_props()
    if extra:
        wire["props"] = {k: v for k, v in extra.items() if isinstance(v, str | int | float | bool)}
    if component.label:
        wire["label"] = component.label
    return wire


def _file(owner: Component, path: Any, alt: Any) -> dict[str, Any]:
    if not isinstance(path, str | Path):
        raise OutputError(f"{owner!r}: a file message needs a path, got {path!r:.60}.")
    real = Path(owner.served(path))
    if not real.is_file():
        raise OutputError(f"{owner!r}: file {str(path)!r} does not exist.")
    name = Path(str(path)).name
    wire: dict[str, Any] = {
        "name": name,
        "mime": mimetypes.guess_type(name)[0] or "application/octet-stream",
        "data": real.read_bytes(),
    }
    if alt:
        wire["alt"] = str(alt)
    return wire


def content_from_page(owner: Component, content: Any) -> Any:
    """A page's content as the function receives it (files written to the upload folder)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # a message of several parts
        return [content_from_page(owner, part) for part in content if not isinstance(part, list)]
    if isinstance(content, Mapping) and isinstance(content.get("file"), Mapping):
        return _saved(owner, content["file"])
    if isinstance(content, Mapping) and isinstance(content.get("component"), str):
        value = content.get("value")
        if isinstance(value, Mapping) and isinstance(value.get("data"), bytes):
            return _saved(owner, value)
        return value
    raise owner.invalid(f"a message's content is text or a file, got {content!r:.60}.")


def _saved(owner: Component, file: Mapping[str, Any]) -> dict[str, Any]:
    data, name, mime = file.get("data"), file.get("name"), file.get("mime")
    if not isinstance(data, bytes):
        raise InvalidValue(f"{owner!r}: a file message from the page carries its bytes.")
    safe = Path(name).name if isinstance(name, str) and Path(name).name else "file"
    if safe == "file" and isinstance(mime, str):
        safe += mimetypes.guess_extension(mime) or ""
    folder = upload_dir.get() or Path(tempfile.mkdtemp(prefix="reactive-chat-"))
    target = folder / secrets.token_hex(8)
    target.mkdir(parents=True)
    path = target / safe
    path.write_bytes(data)
    guessed = mimetypes.guess_type(safe)[0]
    return {
        "path": str(path),
        "mime_type": mime if isinstance(mime, str) else guessed,
        "orig_name": safe,
    }

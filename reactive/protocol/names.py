"""File names the page sends (``upload`` part 0, ``{name, mime, data}`` input values).

A name is only a label the page chose: the server keeps its last path part and stores the file
under it in the session's own folder. Names no file system takes are refused here, before
anything touches the disk, with a message that says what to change.
"""

from __future__ import annotations

from typing import Any

from reactive.errors import RemoteProtocolError

MAX_NAME_BYTES = 255
"""The longest name (UTF-8 bytes) common file systems store."""


def check_file_name(name: str, component: str) -> None:
    """Raise ``bad_value`` (naming ``component``) for a name no file can have."""
    problem = _problem(name)
    if problem is not None:
        raise RemoteProtocolError(
            "bad_value",
            f"File name {_shown(name)} {problem}; rename the file and retry.",
            component,
        )


def check_file_value(value: Any, component: str) -> None:
    """Check the names in an input value that carries files (one, or a list of them)."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            check_file_name(item["name"], component)


def _problem(name: str) -> str | None:
    if "\x00" in name:
        return "contains a NUL character"
    if len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        return f"is longer than {MAX_NAME_BYTES} bytes"
    last = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1].strip()
    if last in (".", ".."):
        return "names a folder, not a file"
    return None


def _shown(name: str) -> str:
    return repr(name if len(name) <= 40 else name[:40] + "...")

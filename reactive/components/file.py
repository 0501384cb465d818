"""File: uploads in (saved to the session's temporary folder), downloads out."""

from __future__ import annotations

import mimetypes
import secrets
import tempfile
from pathlib import Path
from typing import Any, ClassVar, Literal

from reactive.components.base import Component, require_type
from reactive.components.upload_folder import upload_dir
from reactive.errors import DefinitionError, OutputError

FileCount = Literal["single", "multiple"]
FileType = Literal["filepath", "binary"]

# Gradio's file type categories, by MIME prefix.
_CATEGORIES = {"image", "video", "audio", "text"}


class File(Component):
    """Upload or download files.

    Input: the function receives the uploaded file's path (``type="filepath"``, its original name
    kept) or its bytes (``"binary"``); a list with ``file_count="multiple"``. ``file_types`` limits
    what is accepted: extensions (``".pdf"``) or categories (``"image"``, ``"text"``, ...).
    Output: a path (or a list of paths) the person can download.
    """

    type = "file"
    heavy_postprocess = True
    updatable: ClassVar[frozenset[str]] = frozenset({"file_types"})

    def __init__(
        self,
        value: Any = None,
        *,
        file_count: FileCount = "single",
        file_types: list[str] | None = None,
        type: FileType = "filepath",
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        if file_count not in ("single", "multiple"):
            raise DefinitionError(
                f"File file_count must be 'single' or 'multiple', got {file_count!r}."
            )
        if type not in ("filepath", "binary"):
            raise DefinitionError(f"File type must be 'filepath' or 'binary', got {type!r}.")
        super().__init__(value, label=label, **kwargs)
        self.file_count: FileCount = file_count
        self.file_types = file_types
        self.file_type: FileType = type

    @property
    def saves_uploads(self) -> bool:
        return self.file_type == "filepath"

    def extra_props(self) -> dict[str, Any]:
        return {"file_count": self.file_count, "file_types": self.file_types}

    # ---------------------------------------------------------------- uploads

    def preprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if self.file_count == "multiple":
            require_type(self, value, (list,), "a list of uploaded files")
            return [self._one(item) for item in value]
        return self._one(value)

    def _one(self, value: Any) -> str | bytes:
        require_type(self, value, (dict,), "an uploaded file {name, mime, data}")
        data, name = value.get("data"), value.get("name")
        if not isinstance(data, bytes):
            raise self.invalid("the upload has no file bytes.")
        name = Path(str(name or "upload")).name or "upload"
        self._check_type(name, str(value.get("mime") or ""))
        if self.file_type == "binary":
            return data
        return save_upload(data, name)

    def _check_type(self, name: str, mime: str) -> None:
        if not type_accepted(self.file_types, name, mime):
            raise self.invalid(f"{name!r} is not one of the accepted types {self.file_types}.")

    # ---------------------------------------------------------------- downloads

    def check_output(self, value: Any) -> None:
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            if item is not None and not isinstance(item, str | Path | bytes):
                raise OutputError(
                    f"{self!r} takes a file path, bytes or a list of them; "
                    f"got {type(item).__name__}."
                )

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        self.check_output(value)
        if isinstance(value, list | tuple):
            return [download_wire(item, self.served(item)) for item in value if item is not None]
        return download_wire(value, self.served(value))

    def example_cell(self, value: Any) -> Any:
        if isinstance(value, str | Path):
            return Path(str(value)).name
        return super().example_cell(value)


def type_accepted(file_types: list[str] | None, name: str, mime: str) -> bool:
    """Whether a file fits ``file_types``: extensions (".pdf") or categories ("image")."""
    if not file_types:
        return True
    suffix = Path(name).suffix.lower()
    guessed = mime or mimetypes.guess_type(name)[0] or ""
    for allowed in file_types:
        if allowed.startswith(".") and suffix == allowed.lower():
            return True
        if allowed in _CATEGORIES and guessed.startswith(f"{allowed}/"):
            return True
    return False


class NamedString(str):
    """An uploaded file's path that also answers ``.name`` (the path), as Gradio's does: apps
    written for Gradio read ``file.name``."""

    __slots__ = ()

    @property
    def name(self) -> str:
        return str(self)


def save_upload(data: bytes, name: str) -> str:
    """Write an upload under its own name, in a fresh folder of the session's upload folder."""
    folder = upload_dir.get() or Path(tempfile.mkdtemp(prefix="reactive-upload-"))
    target = folder / secrets.token_hex(8)
    target.mkdir(parents=True)
    path = target / name
    path.write_bytes(data)
    return NamedString(path)


def download_wire(item: str | Path | bytes, real: str | Path | bytes) -> dict[str, Any]:
    """``real``: ``item`` as :meth:`Component.served` checked it (a path's real path)."""
    if isinstance(real, bytes):
        return {"name": "file", "mime": "application/octet-stream", "data": real}
    path, name = Path(real), Path(str(item)).name
    if not path.is_file():
        raise OutputError(f"File {str(item)!r} does not exist.")
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return {"name": name, "mime": mime, "data": path.read_bytes()}

"""MultimodalTextbox: a message box that also takes files (Gradio's ``gr.MultimodalTextbox``).

The page sends ``{"text", "files": [{name, mime, data}]}`` when the person submits; the function
receives ``{"text": str, "files": [path, ...]}``, the files written to the session's folder.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, Literal

from reactive.components.base import Component
from reactive.components.file import save_upload, type_accepted
from reactive.errors import DefinitionError, OutputError

MultimodalValue = dict[str, Any]
SOURCES = ("upload", "microphone")


class MultimodalTextbox(Component):
    """Text and files in one box; Enter (or the Send button) submits them together.

    Args:
        file_types: what may be attached: extensions (``".pdf"``) or categories (``"image"``).
        file_count: ``"single"`` or ``"multiple"`` files per message.
        sources: ``"upload"`` (the ``+`` button, or a drop) and ``"microphone"`` (a recording,
            attached as a WAV file).
        placeholder, lines, max_lines, submit_btn: as for ``rx.Textbox``; ``submit_btn`` is the
            Send button's label (``False``: no button, Enter only).
    """

    type = "multimodaltextbox"
    updatable: ClassVar[frozenset[str]] = frozenset({"placeholder", "file_types"})

    def __init__(
        self,
        value: Any = None,
        *,
        file_types: list[str] | None = None,
        file_count: Literal["single", "multiple"] = "single",
        sources: list[str] | None = None,
        placeholder: str | None = None,
        lines: int = 1,
        max_lines: int = 20,
        submit_btn: str | bool | None = True,
        autofocus: bool = False,
        max_plain_text_length: int = 1000,
        **kwargs: Any,
    ) -> None:
        if file_count not in ("single", "multiple"):
            raise DefinitionError(
                f"MultimodalTextbox file_count is 'single' or 'multiple', got {file_count!r} "
                f"(folders are not supported)."
            )
        if sources is not None and (not sources or set(sources) - set(SOURCES)):
            raise DefinitionError(
                f"MultimodalTextbox sources: a list of {' and '.join(map(repr, SOURCES))}, "
                f"got {sources!r}."
            )
        #: Where files come from: picked or dropped ("upload"), recorded ("microphone").
        self.sources = list(sources) if sources is not None else ["upload"]
        self.file_types = list(file_types) if file_types else None
        self.file_count = file_count
        self.placeholder = placeholder
        self.lines, self.max_lines = lines, max_lines
        self.submit_btn = submit_btn
        self.autofocus = autofocus
        super().__init__(value, **kwargs)

    def extra_props(self) -> dict[str, Any]:
        send = self.submit_btn
        props = {
            "file_types": self.file_types,
            "file_count": self.file_count,
            "sources": None if self.sources == ["upload"] else self.sources,
            "placeholder": self.placeholder,
            "lines": self.lines,
            "max_lines": self.max_lines,
            "submit_btn": (send if isinstance(send, str) else "Send") if send else False,
            "autofocus": self.autofocus or None,
        }
        return {k: v for k, v in props.items() if v is not None}

    @property
    def saves_uploads(self) -> bool:
        return True

    def initial_python_value(self) -> Any:
        return {"text": "", "files": []}

    def preprocess(self, value: Any) -> MultimodalValue:
        if value is None:
            return {"text": "", "files": []}
        if not isinstance(value, Mapping) or not isinstance(value.get("text", ""), str):
            raise self.invalid("expected {text, files}.")
        files = value.get("files") or []
        if not isinstance(files, list):
            raise self.invalid("files is a list of uploaded files.")
        if self.file_count == "single" and len(files) > 1:
            raise self.invalid("takes one file per message.")
        return {"text": value.get("text", ""), "files": [self._saved(f) for f in files]}

    def _saved(self, file: Any) -> str:
        if not isinstance(file, Mapping) or not isinstance(file.get("data"), bytes):
            raise self.invalid("an attached file is {name, mime, data}.")
        name = Path(str(file.get("name") or "upload")).name or "upload"
        if not type_accepted(self.file_types, name, str(file.get("mime") or "")):
            raise self.invalid(f"{name!r} is not one of the accepted types {self.file_types}.")
        return save_upload(file["data"], name)

    def postprocess(self, value: Any) -> MultimodalValue:
        """Text, or ``{"text", "files": [paths]}``: the files are attached in the box (an
        example with files, a function filling the box)."""
        if value is None:
            return {"text": "", "files": []}
        if isinstance(value, str):
            return {"text": value, "files": []}
        if isinstance(value, Mapping):
            files = value.get("files") or []
            if not isinstance(files, list | tuple):
                raise OutputError(f"{self!r}: files is a list of paths, got {files!r:.60}.")
            return {
                "text": str(value.get("text") or ""),
                "files": [self._attached(f) for f in files],
            }
        raise OutputError(f"{self!r} takes text or {{text, files}}; got {type(value).__name__}.")

    def _attached(self, file: Any) -> dict[str, Any]:
        """A path (or ``{"path"}``) as the page holds an attached file: its name, type, bytes."""
        path = file.get("path") if isinstance(file, Mapping) else file
        if not isinstance(path, str | Path):
            raise OutputError(f"{self!r}: an attached file is a path, got {file!r:.60}.")
        real = Path(self.served(path))
        if not real.is_file():
            raise OutputError(f"{self!r}: file {str(path)!r} does not exist.")
        name = Path(str(path)).name
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return {"name": name, "mime": mime, "data": real.read_bytes()}

    def example_cell(self, value: Any) -> Any:
        text = value.get("text", "") if isinstance(value, Mapping) else value
        files = value.get("files") or [] if isinstance(value, Mapping) else []
        if files:  # the table shows the text and what is attached
            names = ", ".join(
                Path(str(f.get("path") if isinstance(f, Mapping) else f)).name for f in files
            )
            text = f"{text} 📎 {names}".strip()
        return super().example_cell(text)

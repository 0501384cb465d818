"""``gr.CSVLogger``: Gradio's flagging callback, one CSV row per ``flag(...)``.

Example::

    callback = gr.CSVLogger()
    with gr.Blocks() as demo:
        text, out = gr.Textbox(), gr.Textbox()
        callback.setup([text, out], "flagged_data_points")
        gr.Button("Flag").click(lambda *args: callback.flag(list(args)), [text, out], None)

Each row holds one value per component set up (text as it is; a picture saved as a PNG file
in the flagging folder, its path in the cell; lists and dicts as JSON), the flag option, the
username and the time. Rows go to ``<flagging_dir>/dataset.csv``.
"""

from __future__ import annotations

import csv
import json
import shutil
import threading
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reactive.components.base import Component, warn_unsupported
from reactive.errors import DefinitionError


class CSVLogger:
    """Flags recorded as rows of ``dataset.csv`` in the folder given to :meth:`setup`."""

    def __init__(self, dataset_file_name: str | None = None, **unsupported: Any) -> None:
        unsupported.pop("verbose", None)  # Gradio prints a line per flag; nothing to show here
        unsupported.pop("simplify_file_data", None)  # files are always saved as files
        if unsupported:
            warn_unsupported("CSVLogger", unsupported)
        self.dataset_file_name = dataset_file_name or "dataset.csv"
        self.components: list[Component] = []
        self.flagging_dir: Path | None = None
        self._lock = threading.Lock()  # two sessions flagging at once write whole rows

    @property
    def path(self) -> Path:
        if self.flagging_dir is None:
            raise DefinitionError(
                "CSVLogger.flag(...) needs callback.setup(components, dir) first."
            )
        return self.flagging_dir / self.dataset_file_name

    def setup(self, components: Sequence[Component], flagging_dir: str | Path) -> None:
        """The components whose values a flag records, in order, and the folder to write to."""
        if not all(isinstance(c, Component) for c in components):
            raise DefinitionError("CSVLogger.setup takes a list of components and a folder.")
        self.components = list(components)
        self.flagging_dir = Path(flagging_dir)

    def flag(
        self, flag_data: Sequence[Any], flag_option: str = "", username: str | None = None
    ) -> int:
        """Append one row (a value per component); returns how many rows the file now has."""
        path = self.path
        if len(flag_data) != len(self.components):
            raise DefinitionError(
                f"CSVLogger.flag got {len(flag_data)} values for {len(self.components)} "
                f"components set up."
            )
        with self._lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            cells = [
                self._cell(c, v, i)
                for i, (c, v) in enumerate(zip(self.components, flag_data, strict=True))
            ]
            new = not path.exists()
            with path.open("a", newline="", encoding="utf-8") as file:
                writer = csv.writer(file)
                if new:
                    writer.writerow([*self._headers(), "flag", "username", "timestamp"])
                stamp = datetime.now(UTC).isoformat(timespec="seconds")
                writer.writerow([*cells, flag_option, username or "", stamp])
            with path.open(encoding="utf-8") as file:
                return sum(1 for _ in csv.reader(file)) - 1

    def _headers(self) -> list[str]:
        return [c.label or f"{c.type} {i}" for i, c in enumerate(self.components)]

    def _cell(self, component: Component, value: Any, index: int) -> str:
        if value is None:
            return ""
        if isinstance(value, str | int | float | bool):
            copied = self._file(value, index) if component.type in _FILE_TYPES else None
            return copied or str(value)
        if hasattr(value, "save") or type(value).__name__ == "ndarray":
            return self._picture(value, index)
        if isinstance(value, dict) and isinstance(value.get("data"), bytes):  # preprocess=False
            return self._bytes(value, index)
        return json.dumps(value, default=str, ensure_ascii=False)

    def _folder(self, index: int) -> Path:
        assert self.flagging_dir is not None
        folder = self.flagging_dir / _safe(self._headers()[index])
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def _file(self, value: Any, index: int) -> str | None:
        source = Path(str(value))
        if not source.is_file():
            return None
        target = self._folder(index) / f"{uuid.uuid4().hex[:8]}-{source.name}"
        shutil.copyfile(source, target)
        return str(target)

    def _bytes(self, value: dict[str, Any], index: int) -> str:
        """A file as the page sent it (``{name, mime, data}``): written as it is."""
        name = Path(str(value.get("name") or "file")).name or "file"
        target = self._folder(index) / f"{uuid.uuid4().hex[:8]}-{name}"
        target.write_bytes(value["data"])
        return str(target)

    def _picture(self, value: Any, index: int) -> str:
        from PIL import Image

        picture = value if hasattr(value, "save") else Image.fromarray(_as_bytes(value))
        target = self._folder(index) / f"{uuid.uuid4().hex[:8]}.png"
        picture.save(target)
        return str(target)


_FILE_TYPES = {"image", "audio", "video", "file", "model3d"}


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in name).strip() or "files"


def _as_bytes(array: Any) -> Any:
    import numpy as np

    if array.dtype == np.uint8:
        return array
    scaled = array * 255 if float(np.nanmax(array)) <= 1.0 else array
    return np.clip(scaled, 0, 255).astype(np.uint8)

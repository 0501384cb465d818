"""FileExplorer: a tree of the files under ``root_dir`` to pick from.

Example::

    explorer = gr.FileExplorer(root_dir="data", glob="**/*.csv", file_count="single")
    explorer.change(lambda path: Path(path).read_text() if path else "", explorer, code)

The files shown are those under ``root_dir`` whose path matches ``glob`` (matched against the
whole path, as ``fnmatch`` does, so ``"**/components/*.py"`` works) and not ``ignore_glob``.
The app's path rules hold: ``root_dir`` must be one the app serves files from (the working
directory, the temp folder or ``allowed_paths``; never ``blocked_paths``), and hidden files and
folders are left out. The function receives the chosen files' full paths (one, or None, with
``file_count="single"``); a function returning paths (full, or relative to ``root_dir``) selects
them. ``root_dir``, ``glob`` and ``ignore_glob`` change per session (``gr.FileExplorer(root_dir=
...)`` returned from a listener).
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar, Literal

from reactive.components.base import Component, warn_unsupported
from reactive.errors import DefinitionError, OutputError
from reactive.media.paths import DEFAULT_SERVED, ServedPaths

#: The most entries one explorer lists (a big working directory is cut short, and says so).
MAX_ENTRIES = 2000
_LISTING = frozenset({"root_dir", "glob", "ignore_glob"})


class FileExplorer(Component):
    """Gradio's ``gr.FileExplorer(glob, root_dir=, file_count=, ignore_glob=)``."""

    type = "fileexplorer"
    updatable: ClassVar[frozenset[str]] = _LISTING

    def __init__(
        self,
        glob: str = "**/*",
        *,
        value: Any = None,
        file_count: Literal["single", "multiple"] = "multiple",
        root_dir: str | Path = ".",
        ignore_glob: str | None = None,
        height: int | str | None = None,
        max_height: int | str | None = 500,
        min_height: int | str | None = None,
        **kwargs: Any,
    ) -> None:
        if file_count not in ("single", "multiple"):
            raise DefinitionError(
                f"FileExplorer file_count must be 'single' or 'multiple', got {file_count!r}."
            )
        sizes = {"height": height, "min_height": min_height}
        if any(v is not None for v in sizes.values()):
            warn_unsupported("FileExplorer", {k: v for k, v in sizes.items() if v is not None})
        self.root_dir = _root(root_dir)
        self.glob = glob
        self.ignore_glob = ignore_glob
        self.file_count = file_count
        self.max_height = max_height
        self._served = DEFAULT_SERVED
        super().__init__(value, **kwargs)

    @property  # checked as the app adopts it (the setter)
    def served_paths(self) -> ServedPaths:
        return self._served

    @served_paths.setter
    def served_paths(self, value: ServedPaths) -> None:
        """The app's path rules: its root must be a folder the app serves, or it is refused."""
        self._served = value
        try:
            self._checked_root()
        except OutputError as exc:
            raise DefinitionError(str(exc)) from None

    def set_prop(self, name: str, value: Any) -> None:
        if name != "root_dir":
            super().set_prop(name, value)
            return
        try:  # a listener's new root: the same rules as at definition
            self.root_dir = _root(value)
        except DefinitionError as exc:
            raise OutputError(str(exc)) from None
        self._checked_root()

    # ---------------------------------------------------------------- the tree

    def extra_props(self) -> dict[str, Any]:
        entries, cut = self.listing()
        return {"file_count": self.file_count, "tree": entries, "cut": cut or None,
                "max_height": self.max_height}  # fmt: skip

    def wire_props(self, names: set[str]) -> dict[str, Any]:
        """A new root or glob sends the new tree with it."""
        if names & _LISTING:
            names = names | {"tree", "cut"}
        return super().wire_props(names)

    def listing(self) -> tuple[list[list[Any]], bool]:
        """``[path, is_folder, selectable]`` per entry (paths relative, with "/"), folders
        first, and whether the list was cut at :data:`MAX_ENTRIES`."""
        root = self._checked_root()
        entries: list[list[Any]] = []
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            base = Path(folder)
            named = [*((d, True) for d in dirs), *((f, False) for f in sorted(files))]
            for name, is_folder in named:
                if name.startswith("."):
                    continue
                full = base / name
                if not self._shown(full, is_folder):
                    continue
                if len(entries) >= MAX_ENTRIES:
                    return _only_with_files(entries), True
                entries.append([full.relative_to(root).as_posix(), is_folder, self._matches(full)])
        return _only_with_files(entries), False

    def _checked_root(self) -> Path:
        """The real root, if the app's path rules let it be listed; else an OutputError."""
        try:
            return self.served_paths.check(self.root_dir, "FileExplorer root_dir")
        except OutputError as exc:
            raise OutputError(f"{self!r}: {exc}") from None

    def _matches(self, full: Path) -> bool:
        text = str(full)
        if not fnmatch.fnmatch(text, self.glob):
            return False
        return not (self.ignore_glob and fnmatch.fnmatch(text, self.ignore_glob))

    def _shown(self, full: Path, is_folder: bool) -> bool:
        if self.ignore_glob and fnmatch.fnmatch(str(full), self.ignore_glob):
            return False
        return is_folder or self._matches(full)

    # ---------------------------------------------------------------- values

    def preprocess(self, value: Any) -> str | list[str] | None:
        if value is None:
            return None if self.file_count == "single" else []
        items = value if isinstance(value, list) else [value]
        paths = [self._chosen(item) for item in items]
        if self.file_count == "single":
            if len(paths) > 1:
                raise self.invalid(f"one file may be chosen, got {len(paths)}.")
            return paths[0] if paths else None
        return paths

    def _chosen(self, item: Any) -> str:
        """A path the page names: one of the tree's selectable entries, as a full path."""
        if not isinstance(item, str) or not item or item.startswith("/") or "\\" in item:
            raise self.invalid(f"expected a path relative to the root, got {item!r}.")
        parts = PurePosixPath(item).parts
        if any(part in ("..", ".") or part.startswith(".") for part in parts):
            raise self.invalid(f"{item!r} is not a file this explorer shows.")
        root = self._checked_root()
        full = root.joinpath(*parts)
        real = Path(os.path.realpath(full))
        if not (real == root or root in real.parents) or not full.exists():
            raise self.invalid(f"{item!r} is not a file this explorer shows.")
        if not self._matches(full):
            raise self.invalid(f"{item!r} does not match glob {self.glob!r}.")
        self.served_paths.check(real, "FileExplorer")  # a blocked folder inside the root
        return str(full)

    def postprocess(self, value: Any) -> list[str] | None:
        """Paths to select: full ones under the root, or relative to it."""
        if value is None:
            return None
        items = value if isinstance(value, list | tuple) else [value]
        root = Path(os.path.realpath(self.root_dir))
        chosen: list[str] = []
        for item in items:
            if not isinstance(item, str | Path):
                raise OutputError(f"{self!r} selects paths, got {type(item).__name__}.")
            path = Path(item)
            if path.is_absolute():
                real = Path(os.path.realpath(path))
                if not (real == root or root in real.parents):
                    raise OutputError(f"{self!r}: {str(item)!r} is not under {str(root)!r}.")
                path = real.relative_to(root)
            chosen.append(path.as_posix())
        return chosen

    def example_cell(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value


def _root(value: Any) -> Path:
    if not isinstance(value, str | Path):
        raise DefinitionError(f"FileExplorer root_dir takes a folder's path, got {value!r}.")
    root = Path(value).absolute()
    if not root.exists():
        raise DefinitionError(f"FileExplorer root_dir {str(value)!r} does not exist.")
    if not root.is_dir():
        raise DefinitionError(f"FileExplorer root_dir {str(value)!r} is not a folder.")
    return root


def _only_with_files(entries: list[list[Any]]) -> list[list[Any]]:
    """Folders that hold a shown file, or match the glob themselves: the rest are noise."""
    keep = {
        parent.as_posix()
        for path, is_folder, selectable in entries
        if not is_folder or selectable
        for parent in [PurePosixPath(path), *PurePosixPath(path).parents]
    }
    return [entry for entry in entries if not entry[1] or entry[0] in keep]

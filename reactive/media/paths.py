"""Which files an output may serve: the one check every returned path goes through.

A function's result is data from the page as often as not (a Textbox value passed through), so
a path it returns is served only from the working directory, the temp folder (where the
session's uploads live) and ``rx.App(allowed_paths=[...])``; never from ``blocked_paths``,
``/proc``, ``/sys`` or ``/dev``, and never a dotfile or anything in a dot folder (``.env``,
``.git/``) unless ``allowed_paths`` names its folder. The path is judged by where it really
leads (``..`` folded, every symlink followed), and the file read is that resolved path.

Values the app author wrote (``value=``, ``examples=``) are read under :func:`trusted`.
"""

from __future__ import annotations

import contextvars
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reactive.errors import OutputError

#: Never served, whatever ``allowed_paths`` says: the kernel's views of processes and devices.
SYSTEM_BLOCKED = (Path("/proc"), Path("/sys"), Path("/dev"))

_trusted: contextvars.ContextVar[bool] = contextvars.ContextVar("reactive_trusted", default=False)

#: Files and folders every app in this process may serve (Gradio's ``gr.set_static_paths``).
_static: list[Path] = []


def set_static_paths(paths: str | Path | Iterable[str | Path]) -> None:
    """Let every app's outputs serve these files or folders too (Gradio's
    ``gr.set_static_paths(paths=[...])``), as ``allowed_paths`` would; call it before
    launching."""
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    _static.extend(_real(p) for p in items)


@contextmanager
def trusted() -> Iterator[None]:
    """Paths read inside the ``with`` were written by the app author: they are not checked."""
    token = _trusted.set(True)
    try:
        yield
    finally:
        _trusted.reset(token)


def _real(value: str | Path) -> Path:
    return Path(os.path.realpath(value))


def _under(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


@dataclass(frozen=True, slots=True)
class ServedPaths:
    """The folders outputs may read files from, beyond the working directory and temp folder."""

    allowed: tuple[Path, ...] = ()
    blocked: tuple[Path, ...] = ()

    @classmethod
    def of(
        cls, allowed: Iterable[str | Path] = (), blocked: Iterable[str | Path] = ()
    ) -> ServedPaths:
        """Resolve the folders once (relative ones against the working directory now)."""
        return cls(tuple(_real(p) for p in allowed), tuple(_real(p) for p in blocked))

    def check(self, value: str | Path, what: str) -> Path:
        """The real path of ``value`` if an output may serve it, else an OutputError saying why.

        ``what`` names the output in the message ("File", "Image", ...).
        """
        if _trusted.get():
            return Path(value)
        if "\0" in str(value):
            raise OutputError(f"{what}: the path {str(value)!r} contains a NUL character.")
        real = _real(value)
        shown = repr(str(value)) if str(value) == str(real) else f"{str(value)!r} (→ {real})"
        if any(_under(real, root) for root in SYSTEM_BLOCKED):
            raise OutputError(f"{what}: {shown} is a system file and is never served.")
        if any(_under(real, root) for root in self.blocked):
            raise OutputError(
                f"{what}: {shown} is under rx.App(blocked_paths=[...]) and is not served."
            )
        if any(_under(real, root) for root in (*self.allowed, *_static)):
            return real
        roots = (_real(Path.cwd()), _real(tempfile.gettempdir()))
        root = next((r for r in roots if _under(real, r)), None)
        if root is None:
            raise OutputError(
                f"{what}: {shown} is outside the folders this app serves files from (the "
                f"working directory {roots[0]} and the temp folder {roots[1]}). To serve it, "
                "add its folder to rx.App(allowed_paths=[...])."
            )
        if any(part.startswith(".") for part in real.relative_to(root).parts):
            raise OutputError(
                f"{what}: {shown} is a hidden file (a name starting with '.') and is not "
                "served. Rename it, or add its folder to rx.App(allowed_paths=[...])."
            )
        return real


DEFAULT_SERVED = ServedPaths()
"""What a component serves before an app adopts it: the working directory and temp folder."""

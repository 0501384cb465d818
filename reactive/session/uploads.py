"""Files the page uploads in parts (``upload`` messages): written to disk in order, size-limited.

A file of any size travels as parts of at most a few MiB, each its own message, so no message
nears the 16 MiB frame limit; the session answers each part with a ``received`` event, which
paces the page (it keeps only a few parts in flight) and shows it the progress. The file goes to
the session's upload folder, in a folder of its own, under its own name.

Nothing stays longer than it is needed: a refused upload (too large, parts out of order, a size
that does not match) is deleted at once, with its folder; a component's upload is deleted when
the next one for that component completes (its value is replaced); the rest go with the session.
What one session keeps is capped (``rx.App(max_session_bytes=...)``), and so is what all sessions
keep together (an :class:`~reactive.media.limits.UploadBudget`, ``max_total_upload_bytes``): an
upload that would pass either is refused before a byte of it is written.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reactive.errors import RemoteProtocolError
from reactive.media.files import UploadedFile
from reactive.media.limits import DEFAULT_MAX_SESSION_BYTES, UploadBudget
from reactive.protocol.limits import DEFAULT_MAX_UPLOAD_BYTES, MiB
from reactive.protocol.messages import Upload


@dataclass(slots=True)
class _Partial:
    upload: int
    path: Path
    name: str
    mime: str
    size: int
    handle: BinaryIO
    received: int = 0
    next_index: int = 0


# Every session of a process shares one budget unless it is given its app's.
_SHARED_BUDGET = UploadBudget()


def safe_name(name: str) -> str:
    """The file name without any folder part, usable on disk."""
    cleaned = Path(name.replace("\\", "/")).name.strip()[-120:]
    return cleaned if cleaned not in ("", ".", "..") else "upload"


class Uploads:
    """The uploads of one session that are still arriving, one per component at most.

    It owns the session's upload folder: made on first use (with ``prefix``) and removed by
    :meth:`close`, unless ``folder`` gives one (then the caller owns it).
    """

    def __init__(
        self,
        folder: Callable[[], Path] | None = None,
        max_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
        *,
        prefix: str = "reactive-",
        max_session_bytes: int = DEFAULT_MAX_SESSION_BYTES,
        budget: UploadBudget | None = None,
    ) -> None:
        self._given = folder
        self._prefix = prefix
        self._made: Path | None = None
        self.max_bytes = max_bytes
        self.max_session_bytes = max_session_bytes
        self._budget = budget if budget is not None else _SHARED_BUDGET
        self._partials: dict[str, _Partial] = {}
        self._kept: dict[str, UploadedFile] = {}  # each component's newest complete upload

    @property
    def stored_bytes(self) -> int:
        """The bytes this session holds on disk for uploads: kept files and ones arriving."""
        return sum(f.size for f in self._kept.values()) + sum(
            p.size for p in self._partials.values()
        )

    def folder(self) -> Path:
        """The session's upload folder (files, and what components save, go under it)."""
        if self._given is not None:
            return self._given()
        if self._made is None:
            self._made = Path(tempfile.mkdtemp(prefix=self._prefix))
        return self._made

    def receive(self, part: Upload) -> tuple[int, UploadedFile | None] | None:
        """Store one part: (bytes stored so far, the whole file once its last part is in).

        None: the part belongs to an upload that was replaced or refused; it is ignored.
        """
        partial = self._start(part) if part.index == 0 else self._continue(part)
        if partial is None:
            return None
        if partial.received + len(part.data) > partial.size:
            self.discard(part.component)
            message = f"Upload {part.upload} is longer than its size {partial.size}."
            raise RemoteProtocolError("bad_frame", message, part.component)
        partial.handle.write(part.data)
        partial.received += len(part.data)
        partial.next_index += 1
        if not part.last:
            return partial.received, None
        if partial.received != partial.size:
            self.discard(part.component)
            raise RemoteProtocolError(
                "bad_frame",
                f"Upload {part.upload} ended at {partial.received} of {partial.size} bytes.",
                part.component,
            )
        self._partials.pop(part.component)
        partial.handle.close()
        self._forget(part.component)  # the component's previous file: replaced, so deleted
        file = UploadedFile(partial.path, partial.name, partial.mime, partial.size)
        self._kept[part.component] = file
        return partial.received, file

    def _start(self, part: Upload) -> _Partial:
        self.discard(part.component)  # a new upload to the same component replaces the old one
        self._prune()
        size = part.size or 0
        self._check_room(size, part.component)
        if not self._budget.take(size):
            raise RemoteProtocolError(
                "too_large",
                f"The server holds {_size(self._budget.used)} of uploads from its pages, its "
                f"limit is {_size(self._budget.limit)} (rx.App(max_total_upload_bytes=...)): "
                "try again later, or send a smaller file.",
                part.component,
            )
        name = safe_name(part.name or "upload")
        folder = self.folder() / secrets.token_hex(8)
        try:
            folder.mkdir(parents=True)
            path = folder / name
            handle = path.open("wb")
        except BaseException:
            self._budget.give_back(size)
            _remove(folder)
            raise
        partial = _Partial(part.upload, path, name, part.mime or "", size, handle)
        self._partials[part.component] = partial
        return partial

    def _check_room(self, size: int, component: str) -> None:
        if size > self.max_bytes:
            raise RemoteProtocolError(
                "too_large",
                f"The file is {_size(size)}; uploads may be at most {_size(self.max_bytes)} "
                "(rx.App(max_upload_bytes=...)).",
                component,
            )
        # The component's own kept file is replaced by this one only once it completes.
        if self.stored_bytes + size > self.max_session_bytes:
            raise RemoteProtocolError(
                "too_large",
                f"This page already keeps {_size(self.stored_bytes)} of uploads; with this "
                f"{_size(size)} file it would pass its limit of {_size(self.max_session_bytes)} "
                "(rx.App(max_session_bytes=...)). Clear an upload, or send a smaller file.",
                component,
            )

    def _prune(self) -> None:
        """Forget kept files someone else deleted (a component that refused its upload)."""
        for component, file in list(self._kept.items()):
            if not file.path.exists():
                self._forget(component)

    def _forget(self, component: str) -> None:
        file = self._kept.pop(component, None)
        if file is not None:
            _remove(file.path.parent)
            self._budget.give_back(file.size)

    def _continue(self, part: Upload) -> _Partial | None:
        partial = self._partials.get(part.component)
        if partial is None or partial.upload != part.upload:
            return None  # still in flight when its upload was replaced or refused
        if partial.next_index != part.index:
            self.discard(part.component)
            raise RemoteProtocolError(
                "bad_frame",
                f"Upload part {part.index} of upload {part.upload} does not follow the parts "
                "received so far.",
                part.component,
            )
        return partial

    def discard(self, component: str) -> None:
        """Abandon the upload still arriving for ``component``, if any."""
        partial = self._partials.pop(component, None)
        if partial is not None:
            partial.handle.close()
            _remove(partial.path.parent)  # the file, and the folder made for it
            self._budget.give_back(partial.size)

    def close(self) -> None:
        """Abandon every upload still arriving, delete every kept one, and remove the folder
        if this made it."""
        for component in list(self._partials):
            self.discard(component)
        for component in list(self._kept):
            self._forget(component)
        if self._made is not None:
            shutil.rmtree(self._made, ignore_errors=True)


def _remove(folder: Path) -> None:
    """Delete the folder one upload was written in (and what a component saved beside it)."""
    shutil.rmtree(folder, ignore_errors=True)


def _size(count: int) -> str:
    """A byte count as a person reads it: 812 bytes, 2.0 KiB, 3.4 MiB, 1.0 GiB."""
    if count < 1024:
        return f"{count} bytes"
    if count < MiB:
        return f"{count / 1024:.1f} KiB"
    if count < 1024 * MiB:
        return f"{count / MiB:.1f} MiB"
    return f"{count / (1024 * MiB):.1f} GiB"

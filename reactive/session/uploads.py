"""Files the page uploads in parts (``upload`` messages): written to disk in order, size-limited.

A file of any size travels as parts of at most a few MiB, each its own message, so no message
nears the 16 MiB frame limit; the session answers each part with a ``received`` event, which
paces the page (it keeps only a few parts in flight) and shows it the progress. The file goes to
the session's upload folder, under its own name, and is deleted with the session.
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
    ) -> None:
        self._given = folder
        self._prefix = prefix
        self._made: Path | None = None
        self.max_bytes = max_bytes
        self._partials: dict[str, _Partial] = {}

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
        self._partials.pop(part.component)
        partial.handle.close()
        if partial.received != partial.size:
            partial.path.unlink(missing_ok=True)
            raise RemoteProtocolError(
                "bad_frame",
                f"Upload {part.upload} ended at {partial.received} of {partial.size} bytes.",
                part.component,
            )
        file = UploadedFile(partial.path, partial.name, partial.mime, partial.size)
        return partial.received, file

    def _start(self, part: Upload) -> _Partial:
        self.discard(part.component)  # a new upload to the same component replaces the old one
        size = part.size or 0
        if size > self.max_bytes:
            raise RemoteProtocolError(
                "too_large",
                f"The file is {_size(size)}; uploads may be at most {_size(self.max_bytes)}.",
                part.component,
            )
        name = safe_name(part.name or "upload")
        folder = self.folder() / secrets.token_hex(8)
        folder.mkdir(parents=True)
        path = folder / name
        partial = _Partial(part.upload, path, name, part.mime or "", size, path.open("wb"))
        self._partials[part.component] = partial
        return partial

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
            partial.path.unlink(missing_ok=True)

    def close(self) -> None:
        """Abandon every upload still arriving, and remove the folder if this made it."""
        for component in list(self._partials):
            self.discard(component)
        if self._made is not None:
            shutil.rmtree(self._made, ignore_errors=True)


def _size(count: int) -> str:
    """A byte count as a person reads it: 812 bytes, 2.0 KiB, 3.4 MiB, 1.0 GiB."""
    if count < 1024:
        return f"{count} bytes"
    if count < MiB:
        return f"{count / 1024:.1f} KiB"
    if count < 1024 * MiB:
        return f"{count / MiB:.1f} MiB"
    return f"{count / (1024 * MiB):.1f} GiB"

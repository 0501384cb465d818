"""Files an API call returned, kept for a while under unguessable URLs.

Only results are kept: bytes an output's postprocess already made from what the function
returned, so a returned path was judged by the served-path rules (``reactive/media/paths.py``)
before anything of it reached here. Nothing is read from the disk by URL.
"""

from __future__ import annotations

import mimetypes
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import PurePath

from reactive.protocol.limits import MiB

DEFAULT_KEEP_SECONDS = 600.0
DEFAULT_KEEP_BYTES = 256 * MiB


@dataclass(frozen=True, slots=True)
class Download:
    data: bytes
    mime: str
    name: str
    made: float


class Downloads:
    """The newest results' files, at most ``keep_bytes`` in all and ``keep_seconds`` old."""

    def __init__(
        self, keep_seconds: float = DEFAULT_KEEP_SECONDS, keep_bytes: int = DEFAULT_KEEP_BYTES
    ) -> None:
        self.keep_seconds = keep_seconds
        self.keep_bytes = keep_bytes
        self._files: OrderedDict[str, Download] = OrderedDict()
        self._bytes = 0

    def put(self, data: bytes, mime: str, name: str | None) -> str:
        """Keep ``data``; returns its path under the API (``file/<token>/<name>``)."""
        extension = mimetypes.guess_extension(mime.split(";")[0].strip()) or ""
        shown = PurePath(name or "").name or f"file{extension}"
        token = secrets.token_urlsafe(18)
        self._files[token] = Download(data, mime, shown, time.monotonic())
        self._bytes += len(data)
        self._trim()
        return f"file/{token}/{shown}"

    def get(self, token: str) -> Download | None:
        self._trim()
        return self._files.get(token)

    def _trim(self) -> None:
        oldest = time.monotonic() - self.keep_seconds
        while self._files:
            download = next(iter(self._files.values()))
            if download.made >= oldest and self._bytes <= self.keep_bytes:
                break
            self._files.popitem(last=False)
            self._bytes -= len(download.data)

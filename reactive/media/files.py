"""Media files: what the page uploaded, what kind of file some bytes are, where to save them."""

from __future__ import annotations

import contextlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reactive.errors import OutputError

#: Audio formats a browser's <audio> plays as they are, by their first bytes.
_AUDIO_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"RIFF", 0, "audio/wav"),
    (b"ID3", 0, "audio/mpeg"),
    (b"OggS", 0, "audio/ogg"),
    (b"fLaC", 0, "audio/flac"),
    (b"\x1a\x45\xdf\xa3", 0, "audio/webm"),
    (b"ftyp", 4, "audio/mp4"),
)
_VIDEO_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"ftyp", 4, "video/mp4"),
    (b"\x1a\x45\xdf\xa3", 0, "video/webm"),
)


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """A file the page uploaded in parts, already on the server's disk (never a client path)."""

    path: Path
    name: str
    mime: str
    size: int


def _match(data: bytes, signatures: tuple[tuple[bytes, int, str], ...]) -> str | None:
    for magic, offset, mime in signatures:
        if data[offset : offset + len(magic)] == magic:
            return mime
    return None


def audio_mime(data: bytes) -> str | None:
    """The mime type of audio bytes a browser plays as they are; None for anything else."""
    mime = _match(data, _AUDIO_SIGNATURES)
    if mime == "audio/wav" and data[8:12] != b"WAVE":
        return None
    if mime is None and len(data) >= 2 and data[0] == 0xFF:
        if data[1] & 0xE6 == 0xE2:
            return "audio/mpeg"  # an MP3 frame header without an ID3 tag
        if data[1] & 0xF6 == 0xF0:
            return "audio/aac"  # ADTS
    return mime


def video_container(data: bytes) -> str | None:
    """``video/mp4`` or ``video/webm`` from the first bytes (the codecs still need a probe)."""
    return _match(data, _VIDEO_SIGNATURES)


def read_file(value: str | Path, what: str) -> bytes:
    path = Path(value)
    if not path.is_file():
        raise OutputError(f"{what} file {str(path)!r} does not exist.")
    return path.read_bytes()


def remove_upload(path: Path) -> None:
    """Delete an upload the server refused: its file, and the folder made for it alone.

    Uploads live at ``<session folder>/<random>/<name>``: the random folder goes too, once it
    is empty (``rmdir`` never removes a folder with anything else in it).
    """
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # not empty, or already gone
        path.parent.rmdir()


def temp_copy(data: bytes, suffix: str, folder: Path | None = None) -> Path:
    """Write ``data`` to a new temporary file (the caller deletes it)."""
    with tempfile.NamedTemporaryFile(dir=folder, suffix=suffix, delete=False) as handle:
        handle.write(data)
        return Path(handle.name)

"""Fragmented MP4 (ISO BMFF) pieces: top-level boxes, init segments, fragments, codec strings.

Pure bytes in, bytes out. A browser's MediaSource takes an *init segment* (``ftyp`` + ``moov``)
then *media segments* (``moof`` + ``mdat``); ffmpeg writes exactly that with
``-movflags frag_*+empty_moov+default_base_moof``.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

_INIT_BOXES = frozenset({"ftyp", "moov"})
_SEGMENT_LEAD_BOXES = frozenset({"styp", "sidx", "prft", "moof", "emsg"})
#: H.264 profiles whose 8-bit 4:2:0 streams every browser decodes: baseline, main, high.
BROWSER_AVC_PROFILES = frozenset({66, 77, 100})


def iter_boxes(
    buf: bytes, offset: int = 0, end: int | None = None
) -> Iterator[tuple[str, int, int]]:
    """(type, offset, size) of each complete box in ``buf[offset:end]``."""
    end = len(buf) if end is None else end
    while offset + 8 <= end:
        size, kind = struct.unpack_from(">I4s", buf, offset)
        if size == 1:
            if offset + 16 > end:
                return
            size = struct.unpack_from(">Q", buf, offset + 8)[0]
        elif size == 0:
            size = end - offset
        if size < 8 or offset + size > end:
            return
        yield kind.decode("latin-1"), offset, size
        offset += size


def sample_count(moof: bytes) -> int:
    """How many samples (video frames) the ``moof`` box at the start of ``moof`` describes."""
    total = 0
    for kind, offset, size in iter_boxes(moof):
        if kind != "moof":
            continue
        for traf_kind, traf_offset, traf_size in iter_boxes(moof, offset + 8, offset + size):
            if traf_kind != "traf":
                continue
            for run_kind, run_offset, _ in iter_boxes(
                moof, traf_offset + 8, traf_offset + traf_size
            ):
                if run_kind == "trun":
                    total += struct.unpack_from(">I", moof, run_offset + 12)[0]
    return total


def avc_config(init: bytes) -> tuple[int, int, int] | None:
    """(profile, constraint flags, level) from the ``avcC`` box of an init segment."""
    at = init.find(b"avcC")
    if at < 0 or at + 8 > len(init):
        return None
    return init[at + 5], init[at + 6], init[at + 7]


def codec_string(init: bytes) -> str | None:
    """The RFC 6381 codec of an H.264 init segment, e.g. ``avc1.42C01E``."""
    config = avc_config(init)
    return None if config is None else "avc1.{:02X}{:02X}{:02X}".format(*config)


def browser_playable_avc(init: bytes) -> bool:
    """H.264 in a profile browsers decode (8-bit 4:2:0 baseline / main / high)."""
    config = avc_config(init)
    return config is not None and config[0] in BROWSER_AVC_PROFILES


@dataclass(slots=True)
class Piece:
    """An init segment, or one media segment with the number of samples it holds."""

    init: bool
    data: bytes
    samples: int = 0


class FragmentSplitter:
    """Cuts a growing fMP4 byte stream (an encoder's stdout) into init and media segments."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._init = bytearray()
        self._lead = bytearray()  # boxes before the next mdat (moof, styp, ...)

    def feed(self, data: bytes) -> list[Piece]:
        self._buffer += data
        pieces: list[Piece] = []
        consumed = 0
        buf = bytes(self._buffer)
        for kind, offset, size in iter_boxes(buf):
            consumed = offset + size
            box = buf[offset:consumed]
            if kind in _INIT_BOXES:
                self._init += box
                if kind == "moov":
                    pieces.append(Piece(True, bytes(self._init)))
                    self._init.clear()
            elif kind == "mdat":
                lead = bytes(self._lead)
                pieces.append(Piece(False, lead + box, sample_count(lead)))
                self._lead.clear()
            elif kind in _SEGMENT_LEAD_BOXES:
                self._lead += box
        del self._buffer[:consumed]
        return pieces


def split(data: bytes) -> tuple[bytes, list[bytes]]:
    """(init segment, media segments) of a whole fragmented MP4 file."""
    splitter = FragmentSplitter()
    init = b""
    segments: list[bytes] = []
    for piece in splitter.feed(data):
        if piece.init:
            init += piece.data
        else:
            segments.append(piece.data)
    return init, segments


def is_fragmented(data: bytes) -> bool:
    """A complete fMP4: an init segment with at least one media segment after it."""
    kinds = [kind for kind, _, _ in iter_boxes(data)]
    return "moov" in kinds and "moof" in kinds

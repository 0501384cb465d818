"""Cutting fragmented MP4 into init and media segments; codec strings."""

from __future__ import annotations

import struct
from pathlib import Path

from reactive.media import ffmpeg, fmp4
from reactive.media.video import FRAGMENTED


def fragmented(path: Path) -> bytes:
    return ffmpeg.run_sync(["-i", str(path), "-c", "copy", *FRAGMENTED, "pipe:1"], what="test")


def test_split_gives_the_init_and_fragments(media: dict[str, Path]) -> None:
    data = fragmented(media["mp4"])
    init, segments = fmp4.split(data)
    assert init[4:8] == b"ftyp"
    assert b"moov" in init
    assert segments
    assert sum(fmp4.sample_count(s) for s in segments) == 10  # 0.4 s at 25 fps
    joined = b"".join([init, *segments])
    assert data.startswith(joined)
    assert [kind for kind, _, _ in fmp4.iter_boxes(data[len(joined) :])] == ["mfra"]  # an index
    assert fmp4.is_fragmented(data)


def test_codec_string_comes_from_avcc(media: dict[str, Path]) -> None:
    init, _ = fmp4.split(fragmented(media["mp4"]))
    codec = fmp4.codec_string(init)
    assert codec is not None
    assert codec.startswith("avc1.64")
    assert fmp4.browser_playable_avc(init)
    deep, _ = fmp4.split(fragmented(media["high10"]))
    assert fmp4.avc_config(deep) is not None
    assert not fmp4.browser_playable_avc(deep)  # High 10: browsers do not decode it
    assert fmp4.codec_string(b"no avc here") is None


def test_the_splitter_takes_any_byte_split(media: dict[str, Path]) -> None:
    data = fragmented(media["ts"])
    splitter = fmp4.FragmentSplitter()
    pieces = []
    for start in range(0, len(data), 97):
        pieces += splitter.feed(data[start : start + 97])
    assert next(p.init for p in pieces) is True
    assert data.startswith(b"".join(p.data for p in pieces))
    assert sum(p.samples for p in pieces) == 10


def test_truncated_boxes_are_not_yielded() -> None:
    box = struct.pack(">I4s", 16, b"free") + b"12345678"
    assert list(fmp4.iter_boxes(box)) == [("free", 0, 16)]
    assert list(fmp4.iter_boxes(box[:12])) == []
    assert list(fmp4.iter_boxes(struct.pack(">I4s", 4, b"bad!"))) == []
    large = struct.pack(">I4sQ", 1, b"mdat", 20) + b"abcd"
    assert list(fmp4.iter_boxes(large)) == [("mdat", 0, 20)]

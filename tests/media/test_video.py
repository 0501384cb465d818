"""Video conversions: files remuxed or re-encoded to fMP4, numpy frames through one encoder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from reactive.errors import OutputError
from reactive.media import fmp4, video
from tests.media import generate
from tests.media.generate import payloads_of
from tests.media.test_ffmpeg import ffmpeg_children


def frames_in(payloads: list[dict[str, Any]]) -> int:
    return sum(fmp4.sample_count(s) for p in payloads for s in fmp4.split(p["data"])[1])


def inits_in(payloads: list[dict[str, Any]]) -> int:
    return sum(1 for p in payloads if fmp4.split(p["data"])[0])


@pytest.mark.parametrize("name", ["mp4", "ts"])
async def test_h264_files_are_remuxed_not_reencoded(media: dict[str, Path], name: str) -> None:
    stream = video.VideoStream(25)
    [payload] = await payloads_of(stream, media[name])
    init, segments = fmp4.split(payload["data"])
    assert payload["k"] == "fmp4"
    assert payload["mime"] == f'video/mp4; codecs="{fmp4.codec_string(init)}"'
    assert fmp4.codec_string(init) == "avc1.64000A"  # the source's own High profile: copied
    assert sum(fmp4.sample_count(s) for s in segments) == 10


@pytest.mark.parametrize("name", ["webm", "high10"])
async def test_other_codecs_are_reencoded_to_browser_h264(
    media: dict[str, Path], name: str
) -> None:
    [payload] = await payloads_of(video.VideoStream(25), media[name])
    init, segments = fmp4.split(payload["data"])
    assert fmp4.browser_playable_avc(init)
    assert sum(fmp4.sample_count(s) for s in segments) == 10


async def test_bytes_are_written_to_a_file_first(media: dict[str, Path]) -> None:
    stream = video.VideoStream(25)
    [payload] = await payloads_of(stream, media["ts"].read_bytes())
    assert frames_in([payload]) == 10
    assert await stream.finish() == []


async def test_numpy_chunks_go_through_one_encoder() -> None:
    stream = video.VideoStream(25)
    first = await payloads_of(stream, generate.frames(64, 48, 25, 0))
    second = await payloads_of(stream, generate.frames(64, 48, 25, 1))
    tail = await stream.finish()
    assert inits_in(first) == 1
    assert inits_in(second) == 0
    assert frames_in(first) == 24
    assert frames_in(second) == 25
    assert frames_in(tail) == 1
    assert ffmpeg_children() == []


async def test_a_new_frame_size_starts_a_new_encoder() -> None:
    stream = video.VideoStream(10)
    payloads = await payloads_of(stream, generate.frames(64, 48, 5, 0))
    payloads += await payloads_of(stream, generate.frames(33, 17, 5, 1))  # odd: padded to even
    payloads += await stream.finish()
    assert inits_in(payloads) == 2
    assert frames_in(payloads) == 10


async def test_files_after_frames_flush_the_encoder_first(media: dict[str, Path]) -> None:
    stream = video.VideoStream(25)
    payloads = await payloads_of(stream, generate.frames(64, 48, 5, 0))
    payloads += await payloads_of(stream, media["mp4"])
    assert frames_in(payloads) == 15
    assert await stream.finish() == []


async def test_abort_kills_the_encoder() -> None:
    stream = video.VideoStream(25)
    await payloads_of(stream, generate.frames(64, 48, 5, 0))
    assert ffmpeg_children()
    await stream.abort()
    assert ffmpeg_children() == []


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (np.zeros((4, 4), dtype=np.uint8), "shaped"),
        (np.zeros((2, 8, 8, 2), dtype=np.uint8), "shaped"),
        (np.zeros((2, 8, 8, 3), dtype=np.complex64), "dtype complex64"),
        (3.5, "got float"),
        ("no-such-video.mp4", "does not exist"),
    ],
)
async def test_bad_chunks_are_clear_errors(value: Any, message: str) -> None:
    stream = video.VideoStream(25)
    with pytest.raises(OutputError, match=message):
        await payloads_of(stream, value)
    await stream.abort()


async def test_a_corrupt_file_is_an_error(media: dict[str, Path]) -> None:
    with pytest.raises(OutputError, match=r"Cannot convert video chunk 'corrupt\.mp4'"):
        await payloads_of(video.VideoStream(25), media["corrupt"])
    with pytest.raises(OutputError, match="Cannot convert the video bytes"):
        await payloads_of(video.VideoStream(25), b"garbage" * 100)


def test_frames_are_normalised() -> None:
    grey = video.as_frames(np.full((2, 4, 6), 0.5))
    assert grey.shape == (2, 4, 6, 3)
    assert grey.dtype == np.uint8
    assert grey[0, 0, 0, 0] == 128
    rgba = video.as_frames(np.zeros((1, 4, 4, 4), dtype=np.int32))
    assert rgba.shape == (1, 4, 4, 3)


def test_whole_files_that_browsers_play_are_sent_as_they_are(media: dict[str, Path]) -> None:
    wire = video.to_browser(str(media["mp4"]), 25)
    assert wire is not None
    assert (wire["mime"], wire["name"]) == ("video/mp4", "red.mp4")
    assert wire["data"] == media["mp4"].read_bytes()
    webm = video.to_browser(media["webm"].read_bytes(), 25)
    assert webm is not None
    assert webm["mime"] == "video/webm"


@pytest.mark.parametrize("name", ["ts", "high10"])
def test_other_whole_files_become_mp4(media: dict[str, Path], name: str) -> None:
    wire = video.to_browser(media[name], 25)
    assert wire is not None
    assert wire["mime"] == "video/mp4"
    assert wire["name"].endswith(".mp4")
    assert wire["data"][4:8] == b"ftyp"


def test_numpy_frames_become_an_mp4() -> None:
    wire = video.to_browser(generate.frames(32, 32, 10, 0), 10)
    assert wire is not None
    assert wire["mime"] == "video/mp4"
    assert wire["data"][4:8] == b"ftyp"
    with pytest.raises(OutputError, match="not a video file"):
        video.to_browser(b"nonsense", 25)


def test_uploads_are_checked(media: dict[str, Path]) -> None:
    assert video.check_upload(media["ts"]).video == "h264"
    with pytest.raises(OutputError, match="not a video file"):
        video.check_upload(media["wav"])

"""Audio conversions: every kind of chunk to PCM at the stream's format, whole files, uploads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from reactive.errors import OutputError
from reactive.media import audio, ffmpeg
from reactive.media.pcm import encode_wav, from_array, parse_wav
from tests.media import generate
from tests.media.generate import payloads_of


def samples_of(payload: dict[str, Any]) -> np.ndarray[Any, Any]:
    return np.frombuffer(payload["data"], "<i2").reshape(-1, payload["ch"])


async def one(stream: audio.AudioStream, value: Any) -> dict[str, Any]:
    payloads = await payloads_of(stream, value)
    assert len(payloads) == 1
    payload: dict[str, Any] = payloads[0]
    return payload


async def test_numpy_chunks_pass_through_exactly() -> None:
    stream = audio.AudioStream()
    chunk = generate.tone(24000, 0.02)
    payload = await one(stream, (24000, chunk))
    assert (payload["k"], payload["sr"], payload["ch"]) == ("pcm", 24000, 1)
    assert np.array_equal(samples_of(payload)[:, 0], from_array(24000, chunk).samples[:, 0])


async def test_wav_path_and_bytes_need_no_ffmpeg(media: dict[str, Path]) -> None:
    stream = audio.AudioStream()
    from_path = await one(stream, str(media["wav"]))
    from_bytes = await one(stream, media["wav"].read_bytes())
    assert from_path == from_bytes
    assert len(samples_of(from_path)) == 24000


async def test_mp3_decodes_to_its_exact_length(media: dict[str, Path]) -> None:
    """The LAME tag is honoured: no encoder delay or padding, so joins stay gapless."""
    stream = audio.AudioStream()
    from_path = await one(stream, media["mp3"])
    from_bytes = await one(stream, media["mp3"].read_bytes())
    assert len(samples_of(from_path)) == len(samples_of(from_bytes)) == 24000
    expected = from_array(48000, generate.tone(48000, 0.5)).samples[:, 0].astype(int)
    error = np.abs(samples_of(from_path)[:, 0].astype(int) - expected)
    assert np.percentile(error, 99) < 300  # lossy, but in phase: not shifted by a frame


async def test_later_files_are_converted_to_the_streams_rate(media: dict[str, Path]) -> None:
    stream = audio.AudioStream()
    await one(stream, (48000, generate.tone(48000, 0.1)))
    for name in ("wav16k", "mp3_44k"):
        payload = await one(stream, media[name])
        assert payload["sr"] == 48000
        assert abs(len(samples_of(payload)) - 24000) <= 2


async def test_channels_follow_the_first_chunk(media: dict[str, Path]) -> None:
    stream = audio.AudioStream()
    stereo = np.stack([generate.tone(48000, 0.1)] * 2, axis=1)
    assert (await one(stream, (48000, stereo)))["ch"] == 2
    assert (await one(stream, (48000, generate.tone(48000, 0.1))))["ch"] == 2
    assert (await one(stream, media["mp3"]))["ch"] == 2


async def test_a_rate_change_of_numpy_chunks_is_an_error() -> None:
    stream = audio.AudioStream()
    await one(stream, (24000, generate.tone(24000, 0.1)))
    with pytest.raises(OutputError, match="changed mid-stream from 24000 to 16000"):
        await payloads_of(stream, (16000, generate.tone(16000, 0.1)))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ((24000, np.zeros(10, dtype=np.complex128)), "dtype complex128"),
        ({"not": "audio"}, "got dict"),
        (42, "got int"),
        ("no-such-file.wav", "does not exist"),
    ],
)
async def test_bad_chunks_are_clear_errors(value: Any, message: str) -> None:
    with pytest.raises(OutputError, match=message):
        await payloads_of(audio.AudioStream(), value)


async def test_a_corrupt_or_unsupported_file_is_an_error(media: dict[str, Path]) -> None:
    with pytest.raises(OutputError, match=r"Cannot convert audio file 'corrupt.mp4'"):
        await payloads_of(audio.AudioStream(), media["corrupt"])
    with pytest.raises(OutputError, match="Cannot convert"):
        await payloads_of(audio.AudioStream(), media["mp4"])  # a video without sound
    with pytest.raises(OutputError, match=r"not a WAV|no sample data"):
        await payloads_of(audio.AudioStream(), b"RIFF\x00\x00\x00\x00WAVE")


async def test_empty_chunks_and_none_send_nothing() -> None:
    stream = audio.AudioStream()
    assert await payloads_of(stream, None) == []
    assert await payloads_of(stream, (8000, np.zeros(0, dtype=np.int16))) == []
    assert await stream.finish() == []


def test_whole_files_keep_browser_formats(media: dict[str, Path]) -> None:
    mp3 = audio.to_browser(str(media["mp3"]))
    assert mp3 is not None
    assert mp3["mime"] == "audio/mpeg"
    assert mp3["name"] == "tone.mp3"
    assert mp3["data"] == media["mp3"].read_bytes()
    wav = audio.to_browser(media["wav"].read_bytes())
    assert wav is not None
    assert wav["mime"] == "audio/wav"
    assert audio.to_browser(None) is None


def test_numpy_becomes_a_wav_or_an_mp3() -> None:
    value = (16000, generate.tone(16000, 0.25))
    wav = audio.to_browser(value)
    assert wav is not None
    assert wav["mime"] == "audio/wav"
    assert parse_wav(wav["data"]).frames == 4000
    mp3 = audio.to_browser(value, "mp3")
    assert mp3 is not None
    assert mp3["mime"] == "audio/mpeg"
    assert mp3["data"][:3] == b"ID3"


def test_other_formats_are_converted_to_wav(tmp_path: Path) -> None:
    aiff = tmp_path / "x.aiff"
    pcm = from_array(8000, generate.tone(8000, 0.1))
    raw = ["-f", "s16le", "-ar", "8000", "-ac", "1", "-i", "pipe:0", "-y", str(aiff)]
    ffmpeg.run_sync(raw, what="test", stdin=pcm.to_bytes())
    wire = audio.to_browser(aiff)
    assert wire is not None
    assert (wire["mime"], wire["name"]) == ("audio/wav", "x.wav")
    assert parse_wav(wire["data"]).frames == 800


def test_uploads_load_as_rate_and_int16(media: dict[str, Path], tmp_path: Path) -> None:
    rate, samples = audio.load(media["mp3"])
    assert (rate, samples.shape, samples.dtype) == (48000, (24000,), np.int16)
    stereo = tmp_path / "stereo.wav"
    stereo.write_bytes(generate.wav_bytes(8000, 0.1, channels=2))
    assert audio.load(stereo)[1].shape == (800, 2)
    audio.check_upload(media["wav"])
    with pytest.raises(OutputError, match="not an audio file"):
        audio.check_upload(media["mp4"])


def test_check_value_is_cheap_and_clear() -> None:
    audio.check_value((8000, np.zeros(3)))
    audio.check_value("x.wav")
    with pytest.raises(OutputError, match=r"\(rate, numpy array\)"):
        audio.check_value([1, 2, 3])
    assert encode_wav(from_array(8000, np.zeros(2)))[:4] == b"RIFF"

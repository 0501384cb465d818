"""Samples to 16-bit PCM and WAV files both ways, without ffmpeg."""

from __future__ import annotations

import struct
from typing import Any

import numpy as np
import pytest

from reactive.errors import OutputError
from reactive.media import ffmpeg
from reactive.media.pcm import Pcm, encode_wav, from_array, is_wav, parse_wav
from tests.media.generate import tone


def test_float_samples_become_int16_scaled_and_clipped() -> None:
    pcm = from_array(24000, np.array([0.0, 0.5, -1.0, 2.0, np.nan], dtype=np.float32))
    assert pcm.samples[:, 0].tolist() == [0, 16384, -32767, 32767, 0]
    assert (pcm.rate, pcm.channels, pcm.frames) == (24000, 1, 5)


@pytest.mark.parametrize(
    ("array", "expected"),
    [
        (np.array([1000, -1000], dtype=np.int16), [1000, -1000]),
        (np.array([1 << 24, -(1 << 24)], dtype=np.int32), [256, -256]),
        (np.array([128, 255, 0], dtype=np.uint8), [0, 32512, -32768]),
        (np.array([1.0, -0.5], dtype=np.float64), [32767, -16384]),
    ],
)
def test_every_common_dtype_converts(array: np.ndarray[Any, Any], expected: list[int]) -> None:
    assert from_array(8000, array).samples[:, 0].tolist() == expected


def test_stereo_both_ways_round() -> None:
    frames_last = np.zeros((480, 2), dtype=np.int16)
    channels_first = np.zeros((2, 480), dtype=np.int16)
    assert from_array(48000, frames_last).samples.shape == (480, 2)
    assert from_array(48000, channels_first).samples.shape == (480, 2)


@pytest.mark.parametrize(
    ("rate", "array", "message"),
    [
        (48000, np.zeros(4, dtype=np.complex64), "got dtype complex64"),
        (48000, np.array(["a"]), "got dtype <U1"),
        (48000, np.zeros((4, 4, 4)), "shaped"),
        (48000, [0.0, 0.1], "numpy array"),
        (100, np.zeros(4), "outside"),
        ("48000", np.zeros(4), "must be an int"),
        (True, np.zeros(4), "must be an int"),
    ],
)
def test_bad_samples_are_refused_clearly(rate: Any, array: Any, message: str) -> None:
    with pytest.raises(OutputError, match=message):
        from_array(rate, array)


def test_channels_are_spread_and_mixed() -> None:
    mono = from_array(8000, np.array([100, -100], dtype=np.int16))
    assert mono.with_channels(2).samples.tolist() == [[100, 100], [-100, -100]]
    stereo = from_array(8000, np.array([[100, 300], [0, 0]], dtype=np.int16))
    assert stereo.with_channels(1).samples.tolist() == [[200], [0]]


def test_wav_round_trip() -> None:
    pcm = from_array(44100, tone(44100, 0.05))
    data = encode_wav(pcm)
    assert is_wav(data)
    back = parse_wav(data)
    assert back.rate == 44100
    assert np.array_equal(back.samples, pcm.samples)


@pytest.mark.parametrize("sample_format", ["u8", "s24le", "s32le", "f32le", "f64le"])
def test_wav_of_other_sample_formats(tmp_path: Any, sample_format: str) -> None:
    pcm = from_array(16000, tone(16000, 0.1))
    codec = {"u8": "pcm_u8", "s24le": "pcm_s24le", "s32le": "pcm_s32le", "f32le": "pcm_f32le"}
    out = tmp_path / "x.wav"
    raw = ["-f", "s16le", "-ar", "16000", "-ac", "1", "-i", "pipe:0"]
    args = [*raw, "-c:a", codec.get(sample_format, "pcm_f64le"), "-y", str(out)]
    ffmpeg.run_sync(args, what="test", stdin=pcm.to_bytes())
    back = parse_wav(out.read_bytes())
    tolerance = 256 if sample_format == "u8" else 1
    assert back.frames == pcm.frames
    assert np.abs(back.samples.astype(int) - pcm.samples.astype(int)).max() <= tolerance


def test_a_wav_from_a_pipe_has_no_length_and_still_parses() -> None:
    pcm = from_array(8000, tone(8000, 0.1))
    data = bytearray(encode_wav(pcm))
    data[4:8] = data[40:44] = struct.pack("<I", 0xFFFFFFFF)
    assert parse_wav(bytes(data)).frames == pcm.frames


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"RIFF\x00\x00\x00\x00WAVEjunk", "no sample data"),
        (b"not a wav at all", "not a WAV"),
        (
            b"RIFF\x00\x00\x00\x00WAVEfmt \x10\x00\x00\x00"
            + struct.pack("<HHIIHH", 85, 1, 8000, 0, 0, 0),
            "compressed",
        ),
    ],
)
def test_corrupt_wavs_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(OutputError, match=message):
        parse_wav(data)


def test_pcm_bytes_are_interleaved_little_endian() -> None:
    pcm = Pcm(8000, np.array([[1, 2], [3, 4]], dtype=np.int16))
    assert pcm.to_bytes() == struct.pack("<4h", 1, 2, 3, 4)
    assert pcm.seconds == 2 / 8000

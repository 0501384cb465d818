"""Raw audio samples: numpy arrays and WAV bytes to 16-bit PCM, and back to WAV. Pure numpy.

:class:`Pcm` is what streamed audio travels as (``{k: "pcm", sr, ch, data}``): interleaved
little-endian int16 samples, played back to back by the page with no decoder in between, so chunk
joins are sample exact.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

import numpy as np

from reactive.errors import OutputError

MAX_CHANNELS = 8
MIN_RATE, MAX_RATE = 3000, 768_000  # what an AudioContext accepts

_WAVE_PCM, _WAVE_FLOAT, _WAVE_EXTENSIBLE = 1, 3, 0xFFFE
_UNKNOWN_SIZES = (0, 0xFFFFFFFF)  # a WAV written to a pipe cannot say its length


@dataclass(frozen=True, slots=True)
class Pcm:
    """``samples`` is int16 shaped (frames, channels)."""

    rate: int
    samples: np.ndarray[Any, np.dtype[np.int16]]

    @property
    def channels(self) -> int:
        return int(self.samples.shape[1])

    @property
    def frames(self) -> int:
        return int(self.samples.shape[0])

    @property
    def seconds(self) -> float:
        return self.frames / self.rate

    def to_bytes(self) -> bytes:
        """Interleaved little-endian int16, as the page's player takes it."""
        return np.ascontiguousarray(self.samples, dtype="<i2").tobytes()

    def with_channels(self, channels: int) -> Pcm:
        """Mixed down to mono (the mean) or spread from mono to ``channels``."""
        if channels == self.channels:
            return self
        if self.channels == 1:
            return Pcm(self.rate, np.repeat(self.samples, channels, axis=1))
        mono = self.samples.astype(np.int32).mean(axis=1, keepdims=True)
        mixed = np.round(mono).astype(np.int16)
        return Pcm(self.rate, mixed if channels == 1 else np.repeat(mixed, channels, axis=1))


def check_rate(rate: Any) -> int:
    if isinstance(rate, bool) or not isinstance(rate, int | np.integer):
        raise OutputError(f"The sample rate must be an int (e.g. 24000), got {rate!r}.")
    if not MIN_RATE <= int(rate) <= MAX_RATE:
        raise OutputError(f"The sample rate {rate} is outside {MIN_RATE}..{MAX_RATE} Hz.")
    return int(rate)


def from_array(rate: Any, array: Any) -> Pcm:
    """PCM from ``(rate, samples)``: int16, int32, uint8 or float (-1..1); (n,) or (n, channels).

    A 2-D array with at most 8 rows and more columns than rows is read as (channels, n).
    """
    rate = check_rate(rate)
    if not isinstance(array, np.ndarray):
        raise OutputError(
            f"Audio samples must be a numpy array, got {type(array).__name__}: "
            "yield (rate, np.ndarray)."
        )
    if array.ndim == 1:
        array = array[:, None]
    elif array.ndim == 2 and array.shape[0] <= MAX_CHANNELS < array.shape[1]:
        array = array.T
    if array.ndim != 2 or not 1 <= array.shape[1] <= MAX_CHANNELS:
        raise OutputError(
            f"Audio samples must be shaped (n,) or (n, channels) with 1..{MAX_CHANNELS} "
            f"channels; got shape {array.shape}."
        )
    return Pcm(rate, _to_int16(array))


def _to_int16(array: np.ndarray[Any, Any]) -> np.ndarray[Any, np.dtype[np.int16]]:
    kind, size = array.dtype.kind, array.dtype.itemsize
    if kind == "i" and size == 2:
        return np.ascontiguousarray(array, dtype=np.int16)
    if kind == "f":
        scaled: np.ndarray[Any, Any] = np.clip(np.nan_to_num(array), -1.0, 1.0) * 32767.0
        return np.round(scaled).astype(np.int16)
    if kind == "i" and size == 4:
        return (array >> 16).astype(np.int16)
    if kind == "i" and size == 1:
        return (array.astype(np.int16) * 256).astype(np.int16)
    if kind == "u" and size == 1:
        return ((array.astype(np.int16) - 128) * 256).astype(np.int16)
    raise OutputError(
        f"Audio samples must be int16, int32, uint8 or float (-1..1); got dtype {array.dtype}."
    )


# ---------------------------------------------------------------- WAV


def is_wav(data: bytes) -> bool:
    return len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WAVE"


def wav_seconds(head: bytes, size: int) -> float | None:
    """How long a WAV file of ``size`` bytes lasts at most, from its first bytes (None: no
    format chunk among them)."""
    offset = 12
    while offset + 8 <= len(head):
        kind, chunk = struct.unpack_from("<4sI", head, offset)
        if kind == b"fmt " and offset + 24 <= len(head):
            _, channels, rate, _, _, bits = struct.unpack_from("<HHIIHH", head, offset + 8)
            per_second = rate * channels * max(bits // 8, 1)
            return size / per_second if per_second else None
        offset += 8 + chunk + (chunk & 1)
    return None


def parse_wav(data: bytes) -> Pcm:
    """PCM from WAV bytes (integer 8/16/24/32-bit or float 32/64-bit). Raises OutputError."""
    if not is_wav(data):
        raise OutputError("This is not a WAV file (no RIFF/WAVE header).")
    fmt: tuple[int, int, int, int] | None = None
    offset = 12
    while offset + 8 <= len(data):
        kind, size = struct.unpack_from("<4sI", data, offset)
        body = offset + 8
        if kind == b"fmt ":
            fmt = _parse_fmt(data[body : body + size])
        elif kind == b"data":
            if fmt is None:
                raise OutputError("This WAV file has its samples before its format chunk.")
            end = len(data) if size in _UNKNOWN_SIZES else min(len(data), body + size)
            return _samples(fmt, data[body:end])
        offset = body + size + (size & 1)
    raise OutputError("This WAV file is truncated: it has no sample data.")


def _parse_fmt(chunk: bytes) -> tuple[int, int, int, int]:
    if len(chunk) < 16:
        raise OutputError("This WAV file has a truncated format chunk.")
    tag, channels, rate, _, _, bits = struct.unpack_from("<HHIIHH", chunk)
    if tag == _WAVE_EXTENSIBLE and len(chunk) >= 26:
        tag = struct.unpack_from("<H", chunk, 24)[0]
    if tag not in (_WAVE_PCM, _WAVE_FLOAT):
        raise OutputError(f"This WAV file holds compressed audio (format {tag}), not PCM.")
    if not 1 <= channels <= MAX_CHANNELS or not MIN_RATE <= rate <= MAX_RATE:
        raise OutputError(f"This WAV file has {channels} channels at {rate} Hz: not playable.")
    return tag, channels, rate, bits


def _samples(fmt: tuple[int, int, int, int], raw: bytes) -> Pcm:
    tag, channels, rate, bits = fmt
    width = bits // 8
    usable = len(raw) - len(raw) % (width * channels) if width else 0
    raw = raw[:usable]
    if tag == _WAVE_FLOAT and bits in (32, 64):
        array: np.ndarray[Any, Any] = np.frombuffer(raw, dtype=f"<f{width}")
    elif tag == _WAVE_PCM and bits == 8:
        array = np.frombuffer(raw, dtype=np.uint8)
    elif tag == _WAVE_PCM and bits == 16:
        array = np.frombuffer(raw, dtype="<i2")
    elif tag == _WAVE_PCM and bits == 24:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.uint32)
        array = (b[:, 0] << 8 | b[:, 1] << 16 | b[:, 2] << 24).view(np.int32)  # as 32-bit
    elif tag == _WAVE_PCM and bits == 32:
        array = np.frombuffer(raw, dtype="<i4")
    else:
        raise OutputError(f"This WAV file has {bits}-bit samples, which are not supported.")
    return Pcm(rate, _to_int16(array.reshape(-1, channels)))


def encode_wav(pcm: Pcm) -> bytes:
    """A 16-bit PCM WAV file."""
    body = pcm.to_bytes()
    block = 2 * pcm.channels
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + len(body),
        b"WAVE",
        b"fmt ",
        16,
        _WAVE_PCM,
        pcm.channels,
        pcm.rate,
        pcm.rate * block,
        block,
        16,
        b"data",
        len(body),
    )
    return header + body

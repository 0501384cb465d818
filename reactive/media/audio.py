"""Audio between Python values and the page: whole files, uploads, and gapless streams.

A streamed output sends every yielded chunk as raw 16-bit PCM (``{k: "pcm", sr, ch, data}``): the
page schedules the chunks back to back with WebAudio, sample exact, so there is no gap and no
click at any join, whatever the chunk lengths. Per yield it takes ``(rate, ndarray)``, a WAV or
MP3 (or any ffmpeg-readable) path, or the bytes of such a file. WAV and numpy need no ffmpeg;
other formats are decoded by ffmpeg from a file, so an MP3's gapless (LAME) tag is honoured.
The first chunk fixes the stream's rate and channel count; later files are converted to them,
later numpy chunks at another rate are refused (a sign of a bug in the generator).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from pathlib import Path
from typing import Any, Literal

import numpy as np

from reactive.errors import OutputError
from reactive.media import ffmpeg
from reactive.media.files import audio_mime, read_file, temp_copy
from reactive.media.limits import check_seconds
from reactive.media.paths import DEFAULT_SERVED, ServedPaths
from reactive.media.pcm import Pcm, encode_wav, from_array, is_wav, parse_wav, wav_seconds
from reactive.media.stream import OutputStream

AudioFormat = Literal["wav", "mp3"]

ACCEPTED = "(rate, numpy array), a .wav/.mp3 file path, or the bytes of such a file"


def is_rate_and_samples(value: Any) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], np.ndarray)


def check_value(value: Any) -> None:
    """Cheap type check of an audio result (the conversion itself runs later, off the loop)."""
    if value is None or isinstance(value, str | Path | bytes | bytearray):
        return
    if is_rate_and_samples(value):
        return
    raise OutputError(f"An audio output takes {ACCEPTED}; got {type(value).__name__}.")


# ---------------------------------------------------------------- decoding (worker threads)


def decode_file(path: Path, rate: int | None = None, channels: int | None = None) -> Pcm:
    """PCM of any audio file; converted to ``rate`` / ``channels`` when given."""
    head = _head(path)
    if not head:
        raise OutputError(f"Audio file {str(path)!r} does not exist or is empty.")
    if is_wav(head):
        return conform(parse_wav(path.read_bytes()), rate, channels, path.name)
    args = ["-i", str(path), "-vn", *_format_args(rate, channels), "-f", "wav", "pipe:1"]
    return parse_wav(ffmpeg.run_sync(args, what=f"audio file {path.name!r}"))


def _head(path: Path, count: int = 12) -> bytes:
    if not path.is_file():
        return b""
    with path.open("rb") as handle:
        return handle.read(count)


def decode_bytes(data: bytes, rate: int | None = None, channels: int | None = None) -> Pcm:
    """PCM of the bytes of an audio file (written to a file first when ffmpeg must read it)."""
    if is_wav(data):
        return conform(parse_wav(data), rate, channels, "the WAV bytes")
    path = temp_copy(data, ".audio")
    try:
        return decode_file(path, rate, channels)
    finally:
        path.unlink(missing_ok=True)


def conform(pcm: Pcm, rate: int | None, channels: int | None, what: str) -> Pcm:
    """``pcm`` at ``rate`` (resampled by ffmpeg when it differs) and ``channels``."""
    if rate is not None and pcm.rate != rate:
        raw = ["-f", "s16le", "-ar", str(pcm.rate), "-ac", str(pcm.channels), "-i", "pipe:0"]
        out = ffmpeg.run_sync(
            [*raw, "-ar", str(rate), "-f", "wav", "pipe:1"], what=what, stdin=pcm.to_bytes()
        )
        pcm = parse_wav(out)
    return pcm if channels is None else pcm.with_channels(channels)


def _format_args(rate: int | None, channels: int | None) -> list[str]:
    args = [] if rate is None else ["-ar", str(rate)]
    return args + ([] if channels is None else ["-ac", str(channels)])


# ---------------------------------------------------------------- whole files


def to_browser(
    value: Any, fmt: AudioFormat = "wav", name: str | None = None
) -> dict[str, Any] | None:
    """A whole-file result → ``{mime, data, name}`` the page's <audio> plays (None clears)."""
    if value is None:
        return None
    if is_rate_and_samples(value):
        pcm = from_array(*value)
        if fmt == "mp3":
            return {"mime": "audio/mpeg", "data": encode_mp3(pcm), "name": name or "audio.mp3"}
        return {"mime": "audio/wav", "data": encode_wav(pcm), "name": name or "audio.wav"}
    if isinstance(value, str | Path):
        data = read_file(value, "Audio")
        return _bytes_to_browser(data, name or Path(value).name)
    if isinstance(value, bytes | bytearray):
        return _bytes_to_browser(bytes(value), name or "audio")
    raise OutputError(f"An audio output takes {ACCEPTED}; got {type(value).__name__}.")


def _bytes_to_browser(data: bytes, name: str) -> dict[str, Any]:
    mime = audio_mime(data)
    if mime is not None:
        return {"mime": mime, "data": data, "name": name}
    wav = encode_wav(decode_bytes(data))  # a format browsers do not play: convert it
    return {"mime": "audio/wav", "data": wav, "name": str(Path(name).with_suffix(".wav"))}


def encode_mp3(pcm: Pcm) -> bytes:
    raw = ["-f", "s16le", "-ar", str(pcm.rate), "-ac", str(pcm.channels), "-i", "pipe:0"]
    args = [*raw, "-c:a", "libmp3lame", "-q:a", "2", "-f", "mp3", "pipe:1"]
    return ffmpeg.run_sync(args, what="audio samples to MP3", stdin=pcm.to_bytes())


# ---------------------------------------------------------------- streams


def payload(pcm: Pcm) -> dict[str, Any]:
    """The ``chunk`` payload of a piece of a stream."""
    return {"k": "pcm", "sr": pcm.rate, "ch": pcm.channels, "data": pcm.to_bytes()}


class AudioStream(OutputStream):
    """One run of a streaming audio output: every chunk to PCM at the stream's format."""

    def __init__(self, served: ServedPaths = DEFAULT_SERVED) -> None:
        self.rate: int | None = None
        self.channels: int | None = None
        self._served = served  # where a yielded path may be read from

    async def convert(self, value: Any) -> AsyncGenerator[Any, None]:
        if value is None:
            return
        pcm = await asyncio.to_thread(self._to_pcm, value)
        if pcm.frames == 0:
            return
        if self.rate is None:
            self.rate, self.channels = pcm.rate, pcm.channels
        yield payload(pcm)

    def _to_pcm(self, value: Any) -> Pcm:
        if is_rate_and_samples(value):
            pcm = from_array(*value)
            if self.rate is not None and pcm.rate != self.rate:
                raise OutputError(
                    f"The sample rate changed mid-stream from {self.rate} to {pcm.rate} Hz: "
                    "yield every chunk at the same rate."
                )
            return pcm if self.channels is None else pcm.with_channels(self.channels)
        if isinstance(value, str | Path):
            return decode_file(self._served.check(value, "Audio"), self.rate, self.channels)
        if isinstance(value, bytes | bytearray):
            return decode_bytes(bytes(value), self.rate, self.channels)
        raise OutputError(f"A streaming audio output takes {ACCEPTED}; got {type(value).__name__}.")


# ---------------------------------------------------------------- inputs


def load(path: Path, rate: int | None = None) -> tuple[int, np.ndarray[Any, Any]]:
    """``(rate, int16 samples)`` of an uploaded file, shaped (n,) for mono, else (n, channels);
    resampled to ``rate`` when given."""
    pcm = decode_file(path, rate)
    samples = pcm.samples[:, 0] if pcm.channels == 1 else pcm.samples
    return pcm.rate, np.array(samples)


def check_length(path: Path, max_seconds: float) -> float | None:
    """The file's length in seconds (None: unknown), from its header or the probe, before a
    sample is decoded (a small file can hold hours of sound); OutputError past ``max_seconds``."""
    head = _head(path, 4096)
    if is_wav(head):
        seconds = wav_seconds(head, path.stat().st_size)
    else:
        probe = ffmpeg.probe_sync(path)
        seconds = None if probe is None else probe.duration
    check_seconds(seconds, max_seconds, f"audio {path.name!r}")
    return seconds


def check_upload(path: Path) -> None:
    """Raise OutputError unless ``path`` is audio that can be decoded."""
    if is_wav(_head(path)):
        parse_wav(path.read_bytes())
        return
    probe = ffmpeg.probe_sync(path)
    if probe is None or probe.audio is None:
        raise OutputError(f"{path.name!r} is not an audio file this server can read.")

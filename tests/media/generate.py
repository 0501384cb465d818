"""Media made on the fly for tests (nothing committed): tones, colour chunks, files via ffmpeg."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from reactive.media import ffmpeg
from reactive.media.pcm import Pcm, encode_wav, from_array
from reactive.media.stream import OutputStream

COLOURS = [(220, 30, 30), (30, 200, 30), (30, 30, 220), (220, 220, 30), (30, 220, 220)]


def tone(
    rate: int, seconds: float, *, start: float = 0.0, freq: float = 440.0
) -> np.ndarray[Any, Any]:
    """A float32 sine that continues the phase of a tone started ``start`` seconds earlier."""
    t = start + np.arange(round(rate * seconds)) / rate
    return (0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def wav_bytes(rate: int, seconds: float, *, start: float = 0.0, channels: int = 1) -> bytes:
    samples = tone(rate, seconds, start=start)
    pcm = from_array(rate, np.repeat(samples[:, None], channels, axis=1))
    return encode_wav(pcm)


def write_wav(path: Path, rate: int, seconds: float, *, start: float = 0.0) -> Path:
    path.write_bytes(wav_bytes(rate, seconds, start=start))
    return path


def write_mp3(path: Path, rate: int, seconds: float, *, start: float = 0.0) -> Path:
    """An MP3 written to a seekable file, so it carries its LAME gapless tag."""
    pcm = Pcm(rate, from_array(rate, tone(rate, seconds, start=start)).samples)
    raw = ["-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", "pipe:0"]
    ffmpeg.run_sync(
        [*raw, "-c:a", "libmp3lame", "-b:a", "192k", "-y", str(path)],
        what="test mp3",
        stdin=pcm.to_bytes(),
    )
    return path


def frames(width: int, height: int, count: int, colour: int) -> np.ndarray[Any, Any]:
    """Solid-colour frames (one colour per chunk) with a moving white bar."""
    out = np.empty((count, height, width, 3), np.uint8)
    out[:] = COLOURS[colour % len(COLOURS)]
    for i in range(count):
        x = int(i / count * (width - 16))
        out[i, height // 2 - 8 : height // 2 + 8, x : x + 16] = 255
    return out


def write_video(
    path: Path,
    width: int,
    height: int,
    seconds: float,
    colour: int,
    *,
    codec: str = "libx264",
    extra: tuple[str, ...] = (),
    fps: int = 25,
) -> Path:
    """A video file of one colour; ``path``'s suffix picks the container (.mp4, .ts, .webm)."""
    data = frames(width, height, round(seconds * fps), colour)
    raw = ["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-r", str(fps)]
    args = [*raw, "-i", "pipe:0", "-c:v", codec, "-pix_fmt", "yuv420p", *extra, "-y", str(path)]
    ffmpeg.run_sync(args, what="test video", stdin=data.tobytes())
    return path


async def payloads_of(stream: OutputStream, value: Any) -> list[Any]:
    """Every payload ``stream`` gives for ``value``."""
    return [payload async for payload in stream.convert(value)]

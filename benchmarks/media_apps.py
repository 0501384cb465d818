"""The app the media benchmarks stream from, served in its own forked process.

Two streaming outputs, each driven by a JSON config typed into a hidden-in-spirit textbox, so
one server covers every case: ``audio_cfg`` → ``audio_go`` → ``audio_out`` and ``video_cfg`` →
``video_go`` → ``video_out``. The wall-clock time of each run's first yield is written to shared
memory (``FIRST_YIELD``), so the browser can time its first sound or frame from it.
"""

from __future__ import annotations

import json
import multiprocessing
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

import reactive as rx
from reactive.media import ffmpeg
from reactive.media.pcm import from_array

#: Wall-clock seconds of the latest run's first yield (shared with the forked server).
FIRST_YIELD = multiprocessing.get_context("fork").Value("d", 0.0)
RATE = 48000
FPS = 25


def tone(seconds: float, start: float) -> np.ndarray[Any, Any]:
    t = start + np.arange(round(RATE * seconds)) / RATE
    return (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def frames(width: int, height: int, second: int) -> np.ndarray[Any, Any]:
    """One second of a moving gradient with a white ball: compressible, but never still."""
    y, x = np.mgrid[0:height, 0:width]
    out = np.empty((FPS, height, width, 3), np.uint8)
    for i in range(FPS):
        shift = (second * FPS + i) * 4
        out[i, :, :, 0] = (x + shift) % 256
        out[i, :, :, 1] = (y + shift // 2) % 256
        out[i, :, :, 2] = 128
        cx = 40 + (i * (width - 80)) // FPS
        out[i][(x - cx) ** 2 + (y - height // 2) ** 2 < 30**2] = 255
    return out


class Sources:
    """Made once, before the server forks: 640×480 frames, an MP3 tone, an MP4 clip per size."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="reactive-bench-media-"))
        self._frames = {(640, 480): frames(640, 480, 0)}

    def frames(self, width: int, height: int) -> np.ndarray[Any, Any]:
        """One second of frames (made once: a generator's own cost stays out of the figures)."""
        if (width, height) not in self._frames:
            self._frames[(width, height)] = frames(width, height, 0)
        return self._frames[(width, height)]

    def mp3(self, seconds: float) -> Path:
        path = self.folder / f"tone-{seconds}.mp3"
        if not path.exists():
            pcm = from_array(RATE, tone(seconds, 0.0))
            raw = ["-f", "s16le", "-ar", str(RATE), "-ac", "1", "-i", "pipe:0"]
            args = [*raw, "-c:a", "libmp3lame", "-b:a", "128k", "-y", str(path)]
            ffmpeg.run_sync(args, what="a benchmark mp3", stdin=pcm.to_bytes())
        return path

    def mp4(self, width: int, height: int) -> Path:
        path = self.folder / f"clip-{width}x{height}.mp4"
        if not path.exists():
            raw = ["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-r", str(FPS)]
            x264 = ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"]
            args = [*raw, "-i", "pipe:0", *x264, "-y", str(path)]
            ffmpeg.run_sync(args, what="a benchmark clip", stdin=frames(width, height, 0).tobytes())
        return path


def _paced(count: int, every: float, pace: bool) -> Iterator[int]:
    """0..count-1, each at its due time when ``pace`` (real time), else at once."""
    began = time.monotonic()
    for index in range(count):
        if pace:
            time.sleep(max(0.0, began + index * every - time.monotonic()))
        if index == 0:
            FIRST_YIELD.value = time.time()
        yield index


def build(sources: Sources) -> rx.App:
    app = rx.App(title="media benchmark")

    @app.fn(
        inputs=rx.Textbox(elem_id="audio_cfg"),
        outputs=rx.Audio(streaming=True, autoplay=True, elem_id="audio_out"),
        trigger=rx.Button("Audio", elem_id="audio_go"),
    )
    def audio(cfg: str) -> Iterator[Any]:
        config = json.loads(cfg)
        chunk, seconds = float(config["chunk"]), float(config["seconds"])
        count = round(seconds / chunk)
        source = sources.mp3(chunk) if config.get("kind") == "mp3" else None
        for index in _paced(count, chunk, bool(config.get("pace"))):
            yield str(source) if source else (RATE, tone(chunk, index * chunk))

    @app.fn(
        inputs=rx.Textbox(elem_id="video_cfg"),
        outputs=rx.Video(streaming=True, autoplay=True, fps=FPS, elem_id="video_out"),
        trigger=rx.Button("Video", elem_id="video_go"),
    )
    def video(cfg: str) -> Iterator[Any]:
        config = json.loads(cfg)
        width, height, seconds = int(config["w"]), int(config["h"]), int(config["seconds"])
        clip = sources.mp4(width, height) if config.get("kind") == "mp4" else None
        second = sources.frames(width, height)
        for _ in _paced(seconds, 1.0, bool(config.get("pace"))):
            yield str(clip) if clip else second

    return app

"""Numpy frames streamed as video: a generator yields (T, H, W, 3) chunks, the page plays them.

Press Render: every chunk of frames goes to one H.264 encoder for the whole stream and is
appended to the playing video as it arrives (``rx.Video(streaming=True, fps=25)``). Run it with
``reactive run demos/video_frames.py``.
"""

import time
from collections.abc import Iterator

import numpy as np

import reactive as rx

FPS = 25

app = rx.App(title="Frames")


def plasma(width: int, height: int, start: int, count: int) -> np.ndarray:
    """``count`` frames of a moving colour plasma, from frame ``start``."""
    y, x = np.mgrid[0:height, 0:width] / 40.0
    frames = np.empty((count, height, width, 3), np.uint8)
    for i in range(count):
        t = (start + i) / FPS
        v = np.sin(x + t) + np.sin(y * 0.7 - t * 1.3) + np.sin((x + y) * 0.5 + t * 0.7)
        for c, phase in enumerate((0.0, 2.1, 4.2)):
            frames[i, :, :, c] = (127.5 + 127.5 * np.sin(v * 1.4 + phase)).astype(np.uint8)
    return frames


@app.fn(
    inputs=[rx.Slider(1, 20, value=6, step=1, label="Seconds", elem_id="seconds")],
    outputs=rx.Video(streaming=True, autoplay=True, fps=FPS, elem_id="out"),
    trigger=rx.Button("Render", elem_id="go"),
)
def render(seconds: float) -> Iterator[np.ndarray]:
    """One second of frames per yield, rendered a little faster than real time."""
    for second in range(int(seconds)):
        began = time.monotonic()
        chunk = plasma(480, 270, second * FPS, FPS)
        time.sleep(max(0.0, 0.5 - (time.monotonic() - began)))
        yield chunk

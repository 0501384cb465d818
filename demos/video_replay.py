"""The seed's video example: a video file in, streamed back ten times, back to back.

Upload an .mp4 or an H.264 .ts (any format ffmpeg reads works: it is converted), or keep the
generated clip, and press Replay. Each repetition is appended to the playing video as it
arrives; afterwards the player seeks and replays the whole stream. Run it with
``reactive run demos/video_replay.py``.
"""

import tempfile
from collections.abc import Iterator
from pathlib import Path

import imageio_ffmpeg
import numpy as np

import reactive as rx


def sample_clip(path: Path, width: int = 320, height: int = 240, fps: int = 25) -> Path:
    """One second of a ball crossing a gradient, encoded as H.264 MP4."""
    y, x = np.mgrid[0:height, 0:width]
    background = np.stack([x * 255 // width, y * 255 // height, np.full_like(x, 160)], axis=-1)
    writer = imageio_ffmpeg.write_frames(
        str(path), (width, height), fps=fps, codec="libx264", macro_block_size=1
    )
    writer.send(None)
    for i in range(fps):
        frame = background.astype(np.uint8)
        cx, cy = 20 + i * (width - 40) // fps, height // 2
        frame[(x - cx) ** 2 + (y - cy) ** 2 < 18**2] = 255
        writer.send(np.ascontiguousarray(frame))
    writer.close()
    return path


DEFAULT_CLIP = sample_clip(Path(tempfile.mkdtemp(prefix="reactive-demo-")) / "ball.mp4")

app = rx.App(title="Replay")


@app.fn(
    inputs=rx.Video(value=str(DEFAULT_CLIP), format="mp4", label="Clip", elem_id="clip"),
    outputs=rx.Video(streaming=True, autoplay=True, label="Replayed", elem_id="out"),
    trigger=rx.Button("Replay", elem_id="go"),
)
def replay(video_file: str) -> Iterator[str]:
    """Yields the file ten times: .mp4 and H.264 .ts are remuxed, nothing is re-encoded."""
    for _ in range(10):
        yield video_file

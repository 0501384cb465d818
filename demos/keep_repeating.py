"""The seed's audio example: an audio file in, streamed back ten times, gaplessly.

Upload a .wav or .mp3 (or keep the generated chime) and press Repeat: the first repetition plays
at once, the next ones follow without a gap while the generator is still running. Once it has
played, the whole stream can be replayed and downloaded. Run it with
``reactive run demos/keep_repeating.py``.
"""

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

import reactive as rx


def chime(path: Path, rate: int = 24000) -> Path:
    """A short two-note chime written as a 16-bit WAV (numpy only, no ffmpeg)."""
    t = np.arange(int(rate * 0.6)) / rate
    notes = np.sin(2 * np.pi * 660 * t) * (t < 0.3) + np.sin(2 * np.pi * 880 * t) * (t >= 0.3)
    envelope = np.minimum(1.0, np.minimum(t, 0.6 - t) / 0.01)  # 10 ms fades: no clicks
    samples = (0.4 * notes * envelope * 32767).astype("<i2")
    header = b"RIFF" + (36 + samples.nbytes).to_bytes(4, "little") + b"WAVEfmt "
    header += (16).to_bytes(4, "little") + (1).to_bytes(2, "little") + (1).to_bytes(2, "little")
    header += rate.to_bytes(4, "little") + (rate * 2).to_bytes(4, "little")
    header += (2).to_bytes(2, "little") + (16).to_bytes(2, "little")
    path.write_bytes(header + b"data" + samples.nbytes.to_bytes(4, "little") + samples.tobytes())
    return path


DEFAULT_CLIP = chime(Path(tempfile.mkdtemp(prefix="reactive-demo-")) / "chime.wav")

app = rx.App(title="Keep repeating")


@app.fn(
    inputs=rx.Audio(
        value=str(DEFAULT_CLIP), type="filepath", sources=["upload"], label="Clip", elem_id="clip"
    ),
    outputs=rx.Audio(streaming=True, autoplay=True, label="Repeated", elem_id="out"),
    trigger=rx.Button("Repeat", elem_id="go"),
)
def keep_repeating(audio_file: str) -> Iterator[str]:
    """Yields the same file ten times; each plays right after the previous one."""
    for _ in range(10):
        time.sleep(0.5)
        yield audio_file

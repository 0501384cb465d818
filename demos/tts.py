"""A text-to-speech shaped generator: one synthesized "syllable" per word, as (24000, samples).

Type a sentence and press Speak: the first word sounds about 0.1 s after the generator yields
it, later words follow with no gap and no click, the way a streaming TTS model's chunks should.
Run it with ``reactive run demos/tts.py``.
"""

import time
import zlib
from collections.abc import Iterator

import numpy as np

import reactive as rx

RATE = 24000

app = rx.App(title="Speak")


def synthesize(text: str) -> Iterator[np.ndarray]:
    """A stand-in for a TTS model: per word, a voiced tone whose pitch and length vary."""
    for word in text.split():
        seed = zlib.crc32(word.lower().encode())
        pitch = 110 + seed % 120  # Hz
        seconds = 0.12 + 0.045 * len(word)
        t = np.arange(int(RATE * seconds)) / RATE
        voice = sum(np.sin(2 * np.pi * pitch * k * t) / k for k in range(1, 6))
        envelope = np.minimum(1.0, np.minimum(t, seconds - t) / 0.015)
        pause = np.zeros(int(RATE * 0.06), dtype=np.float32)
        time.sleep(seconds * 0.3)  # the "model" runs about three times faster than real time
        yield np.concatenate([(0.25 * voice * envelope).astype(np.float32), pause])


@app.fn(
    inputs=rx.Textbox(value="streaming audio starts at once and never stutters", elem_id="prompt"),
    outputs=rx.Audio(streaming=True, autoplay=True, elem_id="speech"),
    trigger=rx.Button("Speak", elem_id="speak"),
)
def tts(prompt: str) -> Iterator[tuple[int, np.ndarray]]:
    """Each chunk plays as soon as it arrives, right after the previous one."""
    for chunk in synthesize(prompt):
        yield (RATE, chunk)

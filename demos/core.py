"""The core runtime demo: live typing, a counting generator, and streamed images.

Run it with ``reactive run demos/core.py`` and open the printed URL.
"""

import asyncio
import time
from collections.abc import AsyncIterator, Iterator

import numpy as np

import reactive as rx

app = rx.App(title="Core")


@app.fn(
    inputs=rx.Textbox(label="Text", elem_id="text"), outputs=rx.Text(elem_id="shout"), live=True
)
def shout(text: str) -> str:
    """Upper-cases the text on every keystroke; stale runs are cancelled."""
    return text.upper()


@app.fn(
    inputs=rx.Number(value=5, elem_id="n"),
    outputs=rx.Text(elem_id="count"),
    trigger=rx.Button("Count", elem_id="go"),
)
def count(n: float) -> Iterator[str]:
    """A sync generator: every yield shows at once."""
    for i in range(int(n)):
        time.sleep(0.1)
        yield str(i)


@app.fn(
    inputs=rx.Slider(1, 30, value=10, elem_id="steps"),
    outputs=rx.Image(elem_id="img"),
    trigger=rx.Button("Diffuse", elem_id="diffuse"),
)
async def fake_diffusion(steps: int) -> AsyncIterator[np.ndarray]:
    """An async generator of images: each one is shown as it comes."""
    for _ in range(steps):
        await asyncio.sleep(0.05)
        yield np.random.randint(0, 255, (256, 256, 3), dtype=np.uint8)

"""The seed's fake diffusion: noise that settles into a picture, one step per yield."""

import time
from collections.abc import Iterator

import numpy as np

import reactive as rx

app = rx.App(title="Fake diffusion")


def _target(size: int = 256) -> np.ndarray:
    y, x = np.mgrid[0:size, 0:size] / size
    return np.stack([x, y, 1 - x * y], axis=-1)


@app.fn(inputs=rx.Slider(1, 20, value=8, label="Steps"), outputs=rx.Image(label="Result"))
def fake_diffusion(steps: int) -> Iterator[np.ndarray]:
    target = _target()
    rng = np.random.default_rng()
    for step in range(1, steps + 1):
        time.sleep(0.2)
        mix = step / steps
        yield np.clip(mix * target + (1 - mix) * rng.random(target.shape), 0.0, 1.0)

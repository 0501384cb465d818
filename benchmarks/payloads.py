"""The data every workload produces, shared by the reactive app and the raw floor."""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import cache
from typing import Any

import numpy as np
from PIL import Image as PILImage

#: Workload 2: how long the slow function takes.
SLOW_SECONDS = 0.1
#: Workload 3: tokens in the streamed text.
TOKENS = 2000
#: Workload 4: images yielded (30 and a final one), each IMAGE_SIDE x IMAGE_SIDE RGB noise.
IMAGES = 31
IMAGE_SIDE = 256
#: Workload 4, paced (``--peers``): one image every 40 ms.
PACE_SECONDS = 0.04

NoiseImage = np.ndarray[Any, np.dtype[np.uint8]]


def token(index: int) -> str:
    return f"tok{index} "


def stream_text(tag: str, tokens: int = TOKENS) -> str:
    """The complete streamed text: the run's tag, then every token."""
    return tag + "".join(token(i) for i in range(tokens))


def noise_stream() -> Iterator[NoiseImage]:
    """The images of workload 4, made as they are yielded (seeded: every run makes the same)."""
    rng = np.random.default_rng(7)
    for _ in range(IMAGES):
        yield rng.integers(0, 256, (IMAGE_SIDE, IMAGE_SIDE, 3), dtype=np.uint8)


@cache
def final_image() -> NoiseImage:
    """The last image of :func:`noise_stream`, to check that the page shows it at the end."""
    *_, last = noise_stream()
    return last


def png(image: NoiseImage) -> bytes:
    """The floor's encoding: Pillow's PNG with its default settings."""
    buffer = io.BytesIO()
    PILImage.fromarray(image).save(buffer, "PNG")
    return buffer.getvalue()

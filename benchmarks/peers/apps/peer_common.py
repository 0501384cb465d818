"""What every peer app shares: the workloads' data and the run counter (imported as a sibling).

The apps run in the peers' own virtual environments, so they import nothing from reactive or
the benchmarks package; this file mirrors ``benchmarks/payloads.py``.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from typing import Any

import numpy as np

PORT = int(os.environ.get("BENCH_PORT", "8000"))
HOST = "127.0.0.1"
#: A file: one ``s`` per run of the 100 ms function started, one ``f`` per run finished.
COUNTS = os.environ.get("BENCH_COUNTS", os.devnull)
SLOW_SECONDS = 0.1
TOKENS = 2000
IMAGES = 31
IMAGE_SIDE = 256
PACE_SECONDS = 0.04  # the paced image stream: one image every 40 ms
_runs = itertools.count(1)
_seeds = itertools.count(7)


def count(mark: bytes) -> None:
    """Appends one mark; O_APPEND writes of one byte do not interleave across threads."""
    with open(COUNTS, "ab", buffering=0) as counts:
        counts.write(mark)


def run_tag() -> str:
    """Each stream run's text starts differently, so the page can tell it from the last one."""
    return f"run-{next(_runs)} "


def tokens() -> Iterator[str]:
    for index in range(TOKENS):
        yield f"tok{index} "


def noise() -> Iterator[np.ndarray[Any, np.dtype[np.uint8]]]:
    """The 31 images, made as they are yielded; new ones each run: Gradio and Streamlit name
    files by their content, and the page would show a repeated file from its memory cache."""
    rng = np.random.default_rng(next(_seeds))
    for _ in range(IMAGES):
        yield rng.integers(0, 256, (IMAGE_SIDE, IMAGE_SIDE, 3), dtype=np.uint8)

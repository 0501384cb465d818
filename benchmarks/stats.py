"""Summaries of repeated measurements."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import numpy as np


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), interpolated linearly between samples."""
    return float(np.percentile(np.asarray(values, dtype=float), q))


def ratio(reactive: float, floor: float) -> float | None:
    return reactive / floor if floor > 0 else None

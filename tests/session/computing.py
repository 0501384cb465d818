"""A stand-in for code that computes in pure Python (a tokenizer, a parser, a loop)."""

from __future__ import annotations

import time


def compute(seconds: float) -> None:
    """Hold the GIL computing until this thread has used ``seconds`` of CPU."""
    start = time.thread_time()
    while time.thread_time() - start < seconds:
        pass

"""Module-level functions that the process pool tests run in worker processes."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

#: Read while this module is imported: in a worker, the fork server imported it with the flag set.
#: (The literal, not ``process_worker.WORKER_ENV``: importing reactive slows every pool's start.)
FLAG_AT_IMPORT = os.environ.get("REACTIVE_PROCESS_WORKER")


def double(x: int) -> int:
    return x * 2


def whoami() -> tuple[int, str | None]:
    return os.getpid(), FLAG_AT_IMPORT


def work(seconds: float, tag: int) -> int:
    time.sleep(seconds)  # a C call: only a kill stops it early
    return tag


def sleeper() -> Iterator[int]:
    yield os.getpid()
    time.sleep(60)


def count(n: int) -> Iterator[int]:
    yield from range(n)


def numbered(log: str, n: int) -> Iterator[int]:
    """Counts to ``n``; the file's length says how far the generator has got."""
    for i in range(n):
        with Path(log).open("a") as file:
            file.write(".")
        yield i


def hold(gate: str) -> Iterator[int]:
    """Yields once, then runs until the file ``gate`` exists."""
    yield 0
    while not Path(gate).exists():
        time.sleep(0.005)


class Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("holds a lock")
        self.lock = threading.Lock()


def fails(message: str) -> None:
    raise ValueError(message)


def fails_unpicklably() -> None:
    raise Unpicklable


def exits_the_process() -> None:
    raise SystemExit(4)


def returns_a_lock() -> threading.Lock:
    return threading.Lock()


def yields_then_a_lock() -> Iterator[object]:
    yield 1
    yield threading.Lock()


def exits(code: int) -> None:
    os._exit(code)


def segfaults() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def random_row() -> list[float]:
    return [float(x) for x in np.random.rand(4)]


def not_a_generator() -> int:
    return 1


def image(side: int) -> np.ndarray:
    return np.full((side, side, 3), 7, dtype=np.uint8)

"""Counts of a function's runs (entered it, reached its return), shared with server processes.

The servers run in forked child processes (see ``servers``), so the counts live in shared memory
created before the fork.
"""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass

_FORK = multiprocessing.get_context("fork")


@dataclass(frozen=True, slots=True)
class RunCounts:
    started: int
    finished: int


class RunCounter:
    """Counted from inside the benchmarked function, in any thread of any forked process."""

    def __init__(self) -> None:
        self._started = _FORK.Value("i", 0)
        self._finished = _FORK.Value("i", 0)

    def start(self) -> None:
        with self._started.get_lock():
            self._started.value += 1

    def finish(self) -> None:
        with self._finished.get_lock():
            self._finished.value += 1

    def reset(self) -> None:
        for value in (self._started, self._finished):
            with value.get_lock():
                value.value = 0

    def read(self) -> RunCounts:
        return RunCounts(self._started.value, self._finished.value)

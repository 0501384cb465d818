"""``concurrency_limit``: at most N runs of a function at once across all sessions, fair FIFO."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

PositionCallback = Callable[[int], None]


class Slots(Protocol):
    """What the scheduler needs of a concurrency limit: this process's :class:`Limiter`, or one
    shared by every process through Redis (``reactive.session.shared_limit``)."""

    def acquire_nowait(self) -> bool: ...

    async def acquire(self, on_position: PositionCallback) -> None: ...

    def release(self) -> None: ...


@dataclass(slots=True)
class _Waiter:
    future: asyncio.Future[None]
    on_position: PositionCallback


@dataclass(frozen=True, slots=True)
class LimiterStatistics:
    limit: int
    running: int
    waiting: int


class Limiter:
    """A FIFO semaphore that tells each waiter its position (1 = next to start) as it changes."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"concurrency_limit must be at least 1, got {limit}.")
        self.limit = limit
        self._running = 0
        self._waiters: deque[_Waiter] = deque()

    def acquire_nowait(self) -> bool:
        if self._running < self.limit and not self._waiters:
            self._running += 1
            return True
        return False

    async def acquire(self, on_position: PositionCallback) -> None:
        """Wait for a slot; ``on_position`` is called with the place in line whenever it changes."""
        if self.acquire_nowait():
            return
        waiter = _Waiter(asyncio.get_running_loop().create_future(), on_position)
        self._waiters.append(waiter)
        on_position(len(self._waiters))
        try:
            await waiter.future
        except asyncio.CancelledError:
            if waiter.future.done() and not waiter.future.cancelled():
                self.release()  # the slot was handed over just as we were cancelled
            else:
                self._waiters.remove(waiter)
                self._announce_positions()
            raise

    def release(self) -> None:
        """Free a slot and hand it to the first waiter, if any."""
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.future.done():
                waiter.future.set_result(None)  # the slot passes straight to it
                self._announce_positions()
                return
        self._running -= 1

    def _announce_positions(self) -> None:
        for position, waiter in enumerate(self._waiters, start=1):
            waiter.on_position(position)

    def statistics(self) -> LimiterStatistics:
        return LimiterStatistics(self.limit, self._running, len(self._waiters))

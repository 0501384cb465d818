"""Hands values from a worker thread to the event loop, in order or keeping only the latest."""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from typing import Any

from reactive.scheduler.cancel import CancelToken

_DONE = object()


class Mailbox:
    """A thread-to-loop channel.

    ``conflate=True`` keeps only the newest undelivered value (latest-value outputs); otherwise
    values queue in order and the producing thread blocks once ``capacity`` are waiting.
    """

    def __init__(
        self, loop: asyncio.AbstractEventLoop, *, conflate: bool, capacity: int = 8
    ) -> None:
        self._loop = loop
        self._conflate = conflate
        self._capacity = capacity
        self._lock = threading.Lock()
        self._space = threading.Condition(self._lock)
        self._items: deque[Any] = deque()
        self._finished = False
        self._error: BaseException | None = None
        self._waiter: asyncio.Future[None] | None = None

    # ---------------------------------------------------------------- producer thread

    def put(self, item: Any, token: CancelToken) -> None:
        with self._lock:
            if self._conflate:
                self._items.clear()
            else:
                while len(self._items) >= self._capacity and not token.cancelled:
                    self._space.wait(0.05)
            self._items.append(item)
            self._wake_locked()

    def wait_taken(self, timeout: float) -> None:
        """Block until the loop has taken every value put so far, or ``timeout`` passes."""
        with self._lock:
            if self._items:
                self._space.wait(timeout)

    def finish(self, error: BaseException | None = None) -> None:
        with self._lock:
            self._finished = True
            self._error = error
            self._wake_locked()

    def _wake_locked(self) -> None:
        waiter, self._waiter = self._waiter, None
        if waiter is not None:
            self._loop.call_soon_threadsafe(_resolve, waiter)

    # ---------------------------------------------------------------- event loop

    async def get(self) -> Any:
        """The next value; ``Mailbox.END`` once the producer finished; re-raises its error."""
        while True:
            with self._lock:
                if self._items:
                    item = self._items.popleft()
                    self._space.notify()
                    return item
                if self._finished:
                    if self._error is not None:
                        raise self._error
                    return _DONE
                waiter = self._waiter = self._loop.create_future()
            await waiter

    def wake_producer(self) -> None:
        with self._lock:
            self._space.notify_all()

    END = _DONE


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)

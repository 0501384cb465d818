"""A flow-control gate that async code and worker threads can both wait on."""

from __future__ import annotations

import asyncio
import threading

from reactive.scheduler.cancel import CancelToken


class Gate:
    """Open while the consumer keeps up; producers wait while it is closed.

    Opened and closed on the event loop thread; waited on from the loop or from worker threads.
    """

    def __init__(self) -> None:
        self._async_open = asyncio.Event()
        self._thread_open = threading.Event()
        self.open()

    @property
    def is_open(self) -> bool:
        return self._thread_open.is_set()

    def open(self) -> None:
        if self._thread_open.is_set():
            return  # already open (the usual case, after every batch): no lock, no wake-ups
        self._async_open.set()
        self._thread_open.set()

    def close(self) -> None:
        self._async_open.clear()
        self._thread_open.clear()

    async def wait(self) -> None:
        if not self._thread_open.is_set():
            await self._async_open.wait()

    def wait_in_thread(self, token: CancelToken, poll: float = 0.05) -> None:
        """Block a worker thread until the gate opens or its run is cancelled."""
        while not self._thread_open.wait(poll):
            if token.cancelled:
                return

"""Worker threads for sync user code, and each session's honest budget of them.

A thread that runs user code cannot be stopped from outside (see ``cancel``), so a superseded
call keeps its thread until it returns. :class:`ThreadBudget` counts a thread from the moment it
starts until the moment its call really returns, not until its run was cancelled: a session
never occupies more than its limit, and a run that finds the budget full waits for a slot (a
newer run supersedes a waiting one, so only the newest input waits).

The threads come from one process-wide pool that grows on demand: a pool of fixed size would let
a few sessions stuck in blocking calls starve every other session. Each session's budget is what
bounds the total.
"""

from __future__ import annotations

import asyncio
import contextvars
import itertools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

log = logging.getLogger("reactive")

#: Threads the process-wide pool may hold; idle ones are reused before a new one starts.
MAX_WORKER_THREADS = 4096

_pool: ThreadPoolExecutor | None = None


def worker_pool() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(MAX_WORKER_THREADS, thread_name_prefix="reactive-worker")
    return _pool


Outcome = tuple[bool, Any]  # (True, result) or (False, the exception it raised)


class ThreadBudget:
    """At most ``limit`` worker threads of one session running at once."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"A thread budget needs at least 1 thread, got {limit}.")
        self.limit = limit
        self._free = asyncio.Semaphore(limit)
        self._idle = asyncio.Event()
        self._idle.set()
        self._labels: dict[int, str] = {}
        self._tickets = itertools.count()

    @property
    def busy(self) -> int:
        """Threads of this budget whose call has not returned yet."""
        return len(self._labels)

    def running(self) -> list[str]:
        """The labels (function names) of the calls still running, oldest first."""
        return list(self._labels.values())

    async def start(self, work: Callable[[], T], label: str) -> asyncio.Future[T]:
        """Start ``work`` in a thread once a slot is free.

        The returned future resolves when ``work`` returns (or raises); the slot is freed at
        that moment, whatever happened to the future meanwhile.
        """
        await self._free.acquire()
        loop = asyncio.get_running_loop()
        ticket = next(self._tickets)
        self._labels[ticket] = label
        self._idle.clear()
        future: asyncio.Future[T] = loop.create_future()
        context = contextvars.copy_context()
        try:
            worker_pool().submit(self._in_thread, loop, future, ticket, context, work)
        except BaseException:
            self._release(ticket)
            raise
        return future

    def _in_thread(
        self,
        loop: asyncio.AbstractEventLoop,
        future: asyncio.Future[Any],
        ticket: int,
        context: contextvars.Context,
        work: Callable[[], Any],
    ) -> None:
        outcome: Outcome
        try:
            outcome = (True, context.run(work))
        except BaseException as exc:  # handed to the loop, which re-raises it in the run
            outcome = (False, exc)
        try:
            loop.call_soon_threadsafe(self._finished, future, ticket, outcome)
        except RuntimeError:  # the loop is closed: nobody is waiting any more
            log.debug("A worker thread ended after its event loop closed.")

    def _finished(self, future: asyncio.Future[Any], ticket: int, outcome: Outcome) -> None:
        self._release(ticket)
        if future.done():
            return
        ok, value = outcome
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def _release(self, ticket: int) -> None:
        del self._labels[ticket]
        self._free.release()
        if not self._labels:
            self._idle.set()

    async def wait_idle(self) -> None:
        """Wait until every thread this budget started has returned."""
        await self._idle.wait()


async def outlive(future: asyncio.Future[Any]) -> None:
    """Wait until a thread's future is done: a cancelled run calls this before it re-raises.

    Its thread still counts against the session's budget and the function's
    ``concurrency_limit`` until its call returns. A second cancellation (a session closing
    after its bound, the server shutting down) ends the wait; the budget still counts the
    thread until it returns.
    """
    future.add_done_callback(_retrieve)
    await asyncio.wait((future,))


def _retrieve(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()  # a stale run's error is of no interest to anyone

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
from typing import Any

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


class ThreadCall:
    """A call running in a worker thread: ``result`` for whoever awaits it (and may be
    cancelled), :meth:`wait_returned` for a cancelled run that must outlive its thread."""

    __slots__ = ("_returned_waiter", "result", "returned")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.result: asyncio.Future[Any] = loop.create_future()
        self.returned = False
        self._returned_waiter: asyncio.Future[None] | None = None

    def finish(self, outcome: Outcome) -> None:
        """On the loop: the thread's call returned (or raised)."""
        self.returned = True
        if self._returned_waiter is not None and not self._returned_waiter.done():
            self._returned_waiter.set_result(None)
        if self.result.done():
            return  # cancelled meanwhile: a superseded run's outcome is of no interest
        ok, value = outcome
        if ok:
            self.result.set_result(value)
        else:
            self.result.set_exception(value)

    async def wait_returned(self) -> None:
        """Wait until the thread's call returned. Cancelling this wait leaves the call alone."""
        if self.returned:
            return
        if self._returned_waiter is None:
            self._returned_waiter = asyncio.get_running_loop().create_future()
        await asyncio.wait((self._returned_waiter,))


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

    async def start(self, work: Callable[[], Any], label: str) -> ThreadCall:
        """Start ``work`` in a thread once a slot is free.

        The slot is freed when ``work`` returns (or raises), whatever happened to the run that
        started it meanwhile.
        """
        await self._free.acquire()
        loop = asyncio.get_running_loop()
        ticket = next(self._tickets)
        self._labels[ticket] = label
        self._idle.clear()
        call = ThreadCall(loop)
        context = contextvars.copy_context()
        try:
            worker_pool().submit(self._in_thread, loop, call, ticket, context, work)
        except BaseException:
            self._release(ticket)
            raise
        return call

    def _in_thread(
        self,
        loop: asyncio.AbstractEventLoop,
        call: ThreadCall,
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
            loop.call_soon_threadsafe(self._finished, call, ticket, outcome)
        except RuntimeError:  # the loop is closed: nobody is waiting any more
            log.debug("A worker thread ended after its event loop closed.")

    def _finished(self, call: ThreadCall, ticket: int, outcome: Outcome) -> None:
        self._release(ticket)
        call.finish(outcome)

    def _release(self, ticket: int) -> None:
        del self._labels[ticket]
        self._free.release()
        if not self._labels:
            self._idle.set()

    async def wait_idle(self) -> None:
        """Wait until every thread this budget started has returned."""
        await self._idle.wait()


async def outlive(call: ThreadCall) -> None:
    """Wait until a thread's call returned: a cancelled run calls this before it re-raises.

    Its thread still counts against the session's budget and the function's
    ``concurrency_limit`` until its call returns. A second cancellation (a session closing
    after its bound, the server shutting down) ends the wait; the budget still counts the
    thread until it returns.
    """
    await call.wait_returned()

"""Run one user callable — sync or async, plain or generator — and emit each value it produces.

Sync code runs in worker threads, never on the event loop. Cancelling the awaiting task stops the
callable as far as Python allows: async code is cancelled at its current ``await``; async
generators are closed at once; sync code (a plain function, or a generator's current step) is
interrupted at its next Python bytecode (see ``interrupt``): a call into C it is in finishes
first, and a sync generator is then closed in its own thread. Results of stopped runs are
discarded. ``ThreadBudget`` bounds the threads one session can occupy, counting a thread until it
really ends.
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import threading
import time
from collections.abc import Awaitable, Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from reactive.scheduler.gate import Gate
from reactive.scheduler.interrupt import Interruptible
from reactive.scheduler.mailbox import Mailbox

Emit = Callable[[Any], Awaitable[None]]

# Continuous production on the loop yields control this often, so other sessions stay served.
FAIRNESS_SLICE_SECONDS = 0.002

# How long a sync generator's thread waits for the loop to take its first value: blocking hands
# the GIL over, so the first value goes out at once instead of after the thread's time slice.
FIRST_VALUE_HANDOFF_SECONDS = 0.005

_POOL_SIZE = 64
_pool: ThreadPoolExecutor | None = None


def _worker_pool() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(_POOL_SIZE, thread_name_prefix="reactive-worker")
    return _pool


class ThreadBudget:
    """At most ``limit`` worker threads busy for one session; a slot frees when its thread ends."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._free = asyncio.Semaphore(limit)
        self._idle = asyncio.Event()
        self.busy = 0

    async def submit(self, work: Callable[[], Any]) -> asyncio.Future[Any]:
        """Start ``work`` in a thread once a slot is free; the slot is held until it returns."""
        await self._free.acquire()
        self.busy += 1
        loop = asyncio.get_running_loop()
        context = contextvars.copy_context()
        future = loop.run_in_executor(_worker_pool(), context.run, work)
        future.add_done_callback(self._release)
        return future

    def _release(self, _: asyncio.Future[Any]) -> None:
        self.busy -= 1
        self._free.release()
        if self.busy == 0:
            self._idle.set()

    async def wait_idle(self) -> None:
        """Wait until every thread this budget started has returned."""
        while self.busy:
            self._idle.clear()
            await self._idle.wait()


def kind_of(fn: Callable[..., Any]) -> str:
    """One of ``asyncgen``, ``async``, ``gen``, ``sync``."""
    if inspect.isasyncgenfunction(fn):
        return "asyncgen"
    if inspect.iscoroutinefunction(fn):
        return "async"
    if inspect.isgeneratorfunction(fn):
        return "gen"
    return "sync"


async def execute(
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    emit: Emit,
    *,
    threads: ThreadBudget,
    gate: Gate,
    conflate: bool,
) -> None:
    """Call ``fn(*args)`` and ``await emit(value)`` for its result or every value it yields."""
    kind = kind_of(fn)
    if kind == "asyncgen":
        await _drive_async_generator(fn(*args), emit, gate)
    elif kind == "async":
        await emit(await fn(*args))
    elif kind == "gen":
        await _drive_sync_generator(fn, args, emit, threads, gate, conflate)
    else:
        await _drive_sync_function(fn, args, emit, threads)


async def _drive_async_generator(agen: Any, emit: Emit, gate: Gate) -> None:
    slice_start = -FAIRNESS_SLICE_SECONDS  # yield after the first value, so it goes out at once
    try:
        async for value in agen:
            await emit(value)
            await gate.wait()
            if time.perf_counter() - slice_start > FAIRNESS_SLICE_SECONDS:
                await asyncio.sleep(0)
                slice_start = time.perf_counter()
    finally:
        await agen.aclose()


async def _drive_sync_function(
    fn: Callable[..., Any], args: tuple[Any, ...], emit: Emit, threads: ThreadBudget
) -> None:
    guard = Interruptible()
    future = await threads.submit(lambda: guard.call(fn, *args))
    try:
        completed, value = await future
    except asyncio.CancelledError:
        guard.interrupt()  # superseded: stop it at its next bytecode instead of running it out
        raise
    if completed:
        await emit(value)


_END = object()


async def _drive_sync_generator(
    fn: Callable[..., Generator[Any, Any, Any]],
    args: tuple[Any, ...],
    emit: Emit,
    threads: ThreadBudget,
    gate: Gate,
    conflate: bool,
) -> None:
    # conflate: only the newest value is kept (growing text); else values queue in order and a
    # full mailbox blocks the thread (backpressure for media).
    mailbox = Mailbox(asyncio.get_running_loop(), conflate=conflate, capacity=16)
    stop = threading.Event()

    guard = Interruptible()

    def produce() -> None:
        error: BaseException | None = None
        generator = fn(*args)
        first = True
        try:
            while not stop.is_set():
                advanced, value = guard.call(next, generator, _END)
                if not advanced or value is _END:
                    break
                mailbox.put(value, stop)
                if first:  # let the loop take the first value and send it before going on
                    mailbox.wait_taken(FIRST_VALUE_HANDOFF_SECONDS)
                    first = False
                gate.wait_in_thread(stop)
        except BaseException as exc:  # handed to the loop, which re-raises it in the run
            error = exc
        finally:
            generator.close()  # its finally blocks run here, never interrupted
            mailbox.finish(error)

    producer = await threads.submit(produce)
    try:
        while (value := await mailbox.get()) is not Mailbox.END:
            await emit(value)
    finally:
        stop.set()
        guard.interrupt()
        mailbox.wake_producer()
        if not producer.done():
            producer.add_done_callback(_consume_exception)


def _consume_exception(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()

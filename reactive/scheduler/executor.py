"""Run one user callable — sync or async, plain or generator — and emit each value it produces.

Sync code runs in worker threads, never on the event loop. Cancelling the awaiting task stops
the callable without raising anything into code that did not ask for it (see ``cancel``):

- async code is cancelled at its current ``await``; an async generator is closed at once;
- a plain sync function runs to its end (or to its next ``rx.checkpoint()``) and its result is
  discarded;
- a sync generator finishes its current step, is not advanced again and is closed in its own
  thread (``GeneratorExit`` at its ``yield``, as Python closes any generator);
- a ``run_in="process"`` call's worker process is killed and replaced (``processes``).

A cancelled run waits for its thread to return before it re-raises, so the thread keeps counting
against the session's :class:`ThreadBudget` and the function's ``concurrency_limit`` until it
has really ended; the scheduler starts the newer run meanwhile.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import time
from collections.abc import Awaitable, Callable, Generator
from typing import Any

from reactive.scheduler.cancel import CancelToken, current_token
from reactive.scheduler.gate import Gate
from reactive.scheduler.mailbox import Mailbox
from reactive.scheduler.processes import FunctionRef, ProcessPool
from reactive.scheduler.threads import ThreadBudget, outlive

Emit = Callable[[Any], Awaitable[None]]
#: A ``run_in="process"`` function: the pool that runs it and how a worker finds it.
ProcessTarget = tuple[ProcessPool, FunctionRef]

# Continuous production on the loop yields control this often, so other sessions stay served.
FAIRNESS_SLICE_SECONDS = 0.002

# How long a sync generator's thread waits for the loop to take its first value: blocking hands
# the GIL over, so the first value goes out at once instead of after the thread's time slice.
FIRST_VALUE_HANDOFF_SECONDS = 0.005


def kind_of(fn: Callable[..., Any]) -> str:
    """One of ``asyncgen``, ``async``, ``gen``, ``sync`` (remembered: asked on every run)."""
    try:
        return _cached_kind(fn)
    except TypeError:  # an unhashable callable object
        return _kind(fn)


@functools.lru_cache(maxsize=4096)
def _cached_kind(fn: Callable[..., Any]) -> str:
    return _kind(fn)


def _kind(fn: Callable[..., Any]) -> str:
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
    process: ProcessTarget | None = None,
    token: CancelToken | None = None,
) -> None:
    """Call ``fn(*args)`` and ``await emit(value)`` for its result or every value it yields.

    With ``process``, the call runs in a worker process that is killed when it is cancelled.
    ``token`` is the run's (set the moment the run is superseded); a fresh one by default.
    """
    token = token if token is not None else CancelToken()
    current_token.set(token)  # the run's own task context, copied into its worker thread
    try:
        kind = kind_of(fn)
        if process is not None:
            pool, ref = process
            await pool.call(ref, args, emit, generator=kind == "gen")
        elif kind == "asyncgen":
            await _drive_async_generator(fn(*args), emit, gate)
        elif kind == "async":
            await emit(await fn(*args))
        elif kind == "gen":
            await _drive_sync_generator(fn, args, emit, threads, gate, conflate, token)
        else:
            await _drive_sync_function(fn, args, emit, threads, token)
    except asyncio.CancelledError:
        token.cancel()
        raise


def label_of(fn: Callable[..., Any]) -> str:
    name = getattr(fn, "__qualname__", None)
    return f"{name if name is not None else repr(fn)}()"


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
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    emit: Emit,
    threads: ThreadBudget,
    token: CancelToken,
) -> None:
    call = await threads.start(lambda: fn(*args), label_of(fn))
    try:
        value = await call.result
    except asyncio.CancelledError:
        token.cancel()  # rx.cancelled() turns true; the result will be discarded
        await outlive(call)
        raise
    await emit(value)


async def _drive_sync_generator(
    fn: Callable[..., Generator[Any, Any, Any]],
    args: tuple[Any, ...],
    emit: Emit,
    threads: ThreadBudget,
    gate: Gate,
    conflate: bool,
    token: CancelToken,
) -> None:
    # conflate: only the newest value is kept (growing text); else values queue in order and a
    # full mailbox blocks the thread (backpressure for media).
    mailbox = Mailbox(asyncio.get_running_loop(), conflate=conflate, capacity=16)
    producer = await threads.start(lambda: _produce(fn(*args), mailbox, gate, token), label_of(fn))
    finished = False
    try:
        while (value := await mailbox.get()) is not Mailbox.END:
            await emit(value)
        finished = True
    finally:
        if not finished:  # cancelled, or a value could not be shown: stop at the next yield
            token.cancel()
            mailbox.wake_producer()
            await outlive(producer)


def _produce(
    generator: Generator[Any, Any, Any], mailbox: Mailbox, gate: Gate, token: CancelToken
) -> None:
    """The producer thread: advance the generator until it ends or its run is cancelled."""
    error: BaseException | None = None
    first = True
    try:
        for value in generator:
            if token.cancelled:
                break
            mailbox.put(value, token)
            if first:  # let the loop take the first value and send it before going on
                mailbox.wait_taken(FIRST_VALUE_HANDOFF_SECONDS)
                first = False
            gate.wait_in_thread(token)
            if token.cancelled:
                break
    except BaseException as exc:  # handed to the loop, which re-raises it in the run
        error = exc
    finally:
        generator.close()  # GeneratorExit at its yield: its finally blocks run here, in full
        mailbox.finish(error)

"""Running every kind of callable, emitting its values, and stopping it when cancelled."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from reactive.scheduler.executor import execute, kind_of
from reactive.scheduler.gate import Gate
from reactive.scheduler.threads import ThreadBudget


class Sink:
    def __init__(self) -> None:
        self.values: list[Any] = []
        self.threads: set[str] = set()

    async def __call__(self, value: Any) -> None:
        self.values.append(value)


async def run(fn: Any, *args: Any, conflate: bool = False, gate: Gate | None = None) -> Sink:
    sink = Sink()
    await execute(fn, args, sink, threads=ThreadBudget(4), gate=gate or Gate(), conflate=conflate)
    return sink


def test_kinds_are_recognised() -> None:
    def plain() -> None: ...
    async def coro() -> None: ...
    def gen() -> Iterator[int]:
        yield 1

    async def agen() -> AsyncIterator[int]:
        yield 1

    assert [kind_of(f) for f in (plain, coro, gen, agen)] == ["sync", "async", "gen", "asyncgen"]


async def test_sync_function_runs_off_the_event_loop() -> None:
    loop_thread = threading.get_ident()
    sink = await run(lambda x: (x * 2, threading.get_ident() != loop_thread), 21)
    assert sink.values == [(42, True)]


async def test_async_function_result_is_emitted() -> None:
    async def double(x: int) -> int:
        await asyncio.sleep(0)
        return x * 2

    assert (await run(double, 4)).values == [8]


async def test_sync_generator_values_arrive_in_order() -> None:
    def count(n: int) -> Iterator[int]:
        yield from range(n)

    assert (await run(count, 50)).values == list(range(50))


async def test_conflating_sync_generator_always_ends_on_its_last_value() -> None:
    def count(n: int) -> Iterator[int]:
        yield from range(n)

    values = (await run(count, 5000, conflate=True)).values
    assert values[-1] == 4999
    assert values == sorted(values)  # skipped some maybe, never reordered


async def test_async_generator_values_arrive_in_order() -> None:
    async def count(n: int) -> AsyncIterator[int]:
        for i in range(n):
            yield i

    assert (await run(count, 20)).values == list(range(20))


async def test_errors_propagate_from_threads() -> None:
    def fails() -> Iterator[int]:
        yield 1
        raise KeyError("missing")

    with pytest.raises(KeyError, match="missing"):
        await run(fails)


async def test_cancelled_async_generator_is_closed_at_once() -> None:
    closed = asyncio.Event()

    async def forever() -> AsyncIterator[int]:
        try:
            while True:
                await asyncio.sleep(0.01)
                yield 1
        finally:
            closed.set()

    task = asyncio.create_task(run(forever))
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert closed.is_set()


async def test_cancelled_sync_generator_is_closed_before_its_next_step() -> None:
    closed = threading.Event()
    steps: list[int] = []

    def forever() -> Iterator[int]:
        try:
            i = 0
            while True:
                time.sleep(0.01)
                steps.append(i)
                yield i
                i += 1
        finally:
            closed.set()

    task = asyncio.create_task(run(forever))
    await asyncio.sleep(0.1)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await asyncio.to_thread(closed.wait, 1.0)
    count = len(steps)
    await asyncio.sleep(0.05)
    assert len(steps) == count  # never advanced again


async def test_closed_gate_holds_a_generator_until_it_opens() -> None:
    gate = Gate()
    produced: list[int] = []

    def count() -> Iterator[int]:
        for i in range(100):
            produced.append(i)
            yield i

    gate.close()
    task = asyncio.create_task(run(count, gate=gate))
    await asyncio.sleep(0.1)
    assert len(produced) == 1  # the first value, then held at the gate
    gate.open()
    sink = await task
    assert sink.values[-1] == 99
    assert len(produced) == 100


def test_the_kind_of_an_unhashable_callable_is_still_known() -> None:
    class Unhashable:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self) -> int:
            return 1

    assert kind_of(Unhashable()) == "sync"

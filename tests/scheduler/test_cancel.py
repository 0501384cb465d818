"""Cooperative stops: rx.cancelled() and rx.checkpoint() in the run that asks."""

from __future__ import annotations

import asyncio
import queue
import random
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

import reactive as rx
from reactive.scheduler.cancel import CancelToken, current_token
from reactive.scheduler.executor import execute
from reactive.scheduler.gate import Gate
from reactive.scheduler.threads import ThreadBudget


def test_outside_a_run_nothing_is_cancelled() -> None:
    assert rx.cancelled() is False
    rx.checkpoint()  # returns


def test_checkpoint_raises_once_the_token_is_set() -> None:
    token = CancelToken()
    reset = current_token.set(token)
    try:
        rx.checkpoint()
        token.cancel()
        assert rx.cancelled()
        with pytest.raises(rx.Cancelled):
            rx.checkpoint()
    finally:
        current_token.reset(reset)


def test_cancelled_is_not_an_exception_app_code_swallows() -> None:
    assert not issubclass(rx.Cancelled, Exception)
    assert issubclass(rx.Cancelled, BaseException)


async def _run_and_supersede(fn: Any, started: threading.Event, budget: ThreadBudget) -> None:
    async def emit(_: Any) -> None:
        raise AssertionError("a superseded run emitted a value")

    task = asyncio.create_task(execute(fn, (), emit, threads=budget, gate=Gate(), conflate=False))
    await asyncio.to_thread(started.wait, 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_a_loop_with_checkpoints_stops_and_its_finally_runs_in_full() -> None:
    started, cleaned = threading.Event(), threading.Event()
    steps: list[int] = []

    def train() -> str:
        started.set()
        try:
            for step in range(10_000):
                rx.checkpoint()
                steps.append(step)
                time.sleep(0.001)
            return "done"
        finally:
            cleaned.set()

    await _run_and_supersede(train, started, ThreadBudget(2))
    assert cleaned.is_set()
    assert 0 < len(steps) < 10_000


async def test_a_sync_generator_sees_cancelled_and_is_not_advanced_again() -> None:
    started = threading.Event()
    steps: list[int] = []

    def ticks() -> Iterator[int]:
        started.set()
        i = 0
        while not rx.cancelled():
            steps.append(i)
            time.sleep(0.002)
            yield i
            i += 1

    budget = ThreadBudget(2)
    values: list[int] = []
    three = asyncio.Event()

    async def emit(value: Any) -> None:
        values.append(value)
        if len(values) >= 3:
            three.set()

    task = asyncio.create_task(
        execute(ticks, (), emit, threads=budget, gate=Gate(), conflate=False)
    )
    await asyncio.to_thread(started.wait, 5)
    await asyncio.wait_for(three.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert budget.busy == 0  # the run ended only after its generator was closed in its thread


async def test_hundreds_of_stops_leave_locks_and_queues_intact() -> None:
    # Correct try/finally code, stopped mid-call again and again: nothing raised from outside
    # can cut its finally short, so no lock stays held and no token is lost.
    tokens: queue.Queue[int] = queue.Queue(maxsize=4)
    for token in range(4):
        tokens.put(token)
    lock = threading.Lock()
    budget = ThreadBudget(8)
    rng = random.Random(7)

    def careful(work: int) -> int:
        token = tokens.get(timeout=5)
        try:
            with lock:
                return sum(range(work))
        finally:
            tokens.put(token)

    async def emit(_: Any) -> None:
        return None

    tasks = []
    for _ in range(500):
        work = rng.randrange(1_000, 50_000)
        task = asyncio.create_task(
            execute(careful, (work,), emit, threads=budget, gate=Gate(), conflate=False)
        )
        tasks.append(task)
        await asyncio.sleep(0)
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await budget.wait_idle()
    assert tokens.qsize() == 4
    assert lock.acquire(timeout=1)
    lock.release()
    assert tokens.mutex.acquire(timeout=1)
    tokens.mutex.release()

"""Thread budgets count a worker thread from its start until its call really returns."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from collections.abc import Callable
from typing import Any

import pytest

from reactive.scheduler import threads as threads_module
from reactive.scheduler.executor import execute
from reactive.scheduler.gate import Gate
from reactive.scheduler.threads import (
    HeavyCalls,
    QuickLane,
    ThreadBudget,
    WorkerPool,
    lane_for,
    outlive,
)
from tests.session.polling import poll, poll_blocking


async def _sink(_: Any) -> None:
    return None


async def loop_turns(count: int) -> None:
    """Let the event loop run ``count`` turns (what must happen at once has happened then)."""
    for _ in range(count):
        await asyncio.sleep(0)


async def test_a_slot_is_held_until_the_thread_returns_even_after_cancellation() -> None:
    budget = ThreadBudget(1)
    release = threading.Event()
    first = await budget.start(release.wait, "blocked()")
    first.result.cancel()  # what a superseded run's await sees; the thread goes on
    waiting = asyncio.create_task(budget.start(lambda: 2, "next()"))
    await loop_turns(5)  # a free slot would be taken within a turn: no thread is involved
    assert budget.busy == 1
    assert budget.running() == ["blocked()"]
    assert not waiting.done()  # the only slot still belongs to the blocked call
    release.set()
    second = await waiting
    assert await second.result == 2
    await budget.wait_idle()
    assert budget.busy == 0


async def test_a_cancelled_sync_run_waits_for_its_thread_before_it_ends() -> None:
    budget = ThreadBudget(4)
    release = threading.Event()
    started = threading.Event()
    emitted: list[Any] = []

    def blocking() -> str:
        started.set()
        release.wait(5)
        return "stale"

    async def emit(value: Any) -> None:
        emitted.append(value)

    task = asyncio.create_task(
        execute(blocking, (), emit, threads=budget, gate=Gate(), conflate=False)
    )
    await asyncio.to_thread(started.wait, 5)
    task.cancel()
    await loop_turns(5)  # without the wait for its thread, the run would end within two turns
    assert not task.done()  # the run lingers while its thread runs: budgets stay honest
    assert budget.busy == 1
    release.set()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert budget.busy == 0
    assert emitted == []  # the result of a superseded call is discarded


async def test_a_second_cancellation_ends_the_wait_but_not_the_count() -> None:
    budget = ThreadBudget(2)
    release = threading.Event()
    call = await budget.start(release.wait, "stuck()")
    waiter = asyncio.create_task(outlive(call))
    await asyncio.sleep(0)
    waiter.cancel()  # the server shutting down: stop waiting
    with pytest.raises(asyncio.CancelledError):
        await waiter
    assert budget.busy == 1  # the thread itself is still running, and still counted
    release.set()
    await budget.wait_idle()


def test_a_budget_needs_a_thread() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        ThreadBudget(0)


async def test_many_blocked_budgets_do_not_starve_another() -> None:
    # Nine sessions fill their budgets of 8 with blocked calls (72 threads, more than a fixed
    # pool of 64 would hold); a tenth session's call still runs at once.
    release = threading.Event()
    budgets = [ThreadBudget(8) for _ in range(9)]
    blocked = [await b.start(release.wait, "blocked()") for b in budgets for _ in range(8)]
    try:
        bystander = ThreadBudget(8)
        quick = await bystander.start(lambda: "served", "quick()")
        async with asyncio.timeout(5):  # a deadline, not a measurement: it would hang before
            assert await quick.result == "served"
        assert not any(call.returned for call in blocked)  # really served while the others block
    finally:
        release.set()
        for budget in budgets:
            await budget.wait_idle()


def test_the_pool_reuses_an_idle_thread_and_lets_it_go_when_unused() -> None:
    pool = WorkerPool(max_threads=4, idle_seconds=0.2)
    names: list[str] = []
    done = threading.Event()

    def record() -> None:
        names.append(threading.current_thread().name)
        done.set()

    for _ in range(3):
        done.clear()
        pool.submit(record)
        assert done.wait(5)
    assert len(set(names)) == 1  # one thread served all three, one after another
    assert threading.current_thread().name not in names
    assert poll_blocking(lambda: pool.threads == 0)  # an unused thread ends after idle_seconds


def test_the_pool_starts_a_thread_per_blocked_call_up_to_its_cap() -> None:
    pool = WorkerPool(max_threads=2, idle_seconds=5)
    release, started = threading.Event(), threading.Semaphore(0)
    finished: list[int] = []

    def blocked(index: int) -> None:
        started.release()
        release.wait(5)
        finished.append(index)

    for index in range(3):
        pool.submit(lambda index=index: blocked(index))  # type: ignore[misc]
    assert started.acquire(timeout=5)
    assert started.acquire(timeout=5)
    assert pool.threads == 2
    assert not started.acquire(timeout=0.1)  # the third waits for a thread, none is started
    release.set()
    assert started.acquire(timeout=5)  # and runs once one frees
    assert poll_blocking(lambda: len(finished) == 3)
    assert sorted(finished) == [0, 1, 2]


def test_worker_threads_are_daemons_so_a_stuck_call_cannot_hold_the_process() -> None:
    pool = WorkerPool(max_threads=1)
    seen = threading.Event()
    daemon: list[bool] = []

    def probe() -> None:
        daemon.append(threading.current_thread().daemon)
        seen.set()

    pool.submit(probe)
    assert seen.wait(5)
    assert daemon == [True]


async def test_start_now_takes_a_free_slot_at_once_and_refuses_when_none_is() -> None:
    budget = ThreadBudget(1)
    release = threading.Event()
    outcomes: list[tuple[bool, Any]] = []
    context = contextvars.copy_context()
    assert budget.start_now(release.wait, "blocked()", context, outcomes.append)
    assert budget.running() == ["blocked()"]
    assert not budget.start_now(lambda: 1, "next()", context, outcomes.append)  # no slot
    release.set()
    assert await poll(lambda: outcomes == [(True, True)])
    assert budget.busy == 0
    assert budget.start_now(lambda: 1 / 0, "fails()", context, outcomes.append)
    assert await poll(lambda: len(outcomes) == 2)
    ok, error = outcomes[1]
    assert not ok
    assert isinstance(error, ZeroDivisionError)


def test_the_pool_runs_a_calls_hand_off_after_marking_its_thread_idle() -> None:
    pool = WorkerPool(max_threads=1, idle_seconds=5)
    idle_at_hand_off: list[int] = []
    handed = threading.Event()

    def hand_off() -> None:
        idle_at_hand_off.append(pool._idle)  # what a submit made now would find
        handed.set()

    pool.submit(lambda: hand_off)
    assert handed.wait(5)
    assert idle_at_hand_off == [1]  # a call submitted in reply reuses this very thread


def test_quick_calls_share_the_lanes_few_threads() -> None:
    pool = WorkerPool(max_threads=64, idle_seconds=5)
    lane = QuickLane(pool, threads=2)
    done, entered = threading.Semaphore(0), threading.Semaphore(0)
    names: set[str] = set()
    release = threading.Event()

    def quick() -> None:
        names.add(threading.current_thread().name)
        entered.release()
        release.wait(5)  # all submitted before any returns: a pool would start 20 threads
        done.release()

    for _ in range(20):
        lane.submit(lambda: quick())
    assert all(entered.acquire(timeout=5) for _ in range(2))  # each thread holds one
    release.set()
    assert all(done.acquire(timeout=5) for _ in range(20))
    assert lane.threads == 2
    assert len(names) == 2
    assert pool.threads == 0  # nothing needed the pool: the lane kept up


def test_quick_calls_stuck_behind_a_blocked_lane_move_to_the_pool() -> None:
    pool = WorkerPool(max_threads=64, idle_seconds=5)
    lane = QuickLane(pool, threads=1)
    release, blocked = threading.Event(), threading.Event()
    served = threading.Event()

    def block() -> None:
        blocked.set()
        release.wait(10)  # a "quick" function that turned out to block

    lane.submit(lambda: block())
    assert blocked.wait(5)
    lane.submit(lambda: served.set())
    try:
        assert served.wait(5)  # not after 10 s: the watcher moved it to a thread of the pool
        assert not release.is_set()
        assert pool.threads == 1
    finally:
        release.set()


async def test_a_function_is_quick_once_its_last_call_returned_at_once() -> None:
    budget = ThreadBudget(2)
    label = "test_lane_choice.quick()"
    assert isinstance(lane_for(label), WorkerPool)  # never called: a thread of its own
    first = await budget.start(lambda: 1, label)
    assert await first.result == 1
    assert isinstance(lane_for(label), QuickLane)
    release = threading.Event()
    slow = await budget.start(lambda: release.wait(0.05), label)
    assert await slow.result is False
    assert isinstance(lane_for(label), WorkerPool)  # its last call took 50 ms


async def test_a_keys_newer_wait_for_a_thread_replaces_and_ends_the_older() -> None:
    budget = ThreadBudget(1)
    release = threading.Event()
    blocked = await budget.start(release.wait, "blocked()")
    calls: list[str] = []

    def called(name: str, took: bool) -> Callable[[], bool]:
        def callback() -> bool:
            calls.append(name)
            return took

        return callback

    budget.when_free("f", called("old", False))
    budget.when_free("f", called("new", True))
    assert calls == ["old"]  # the replaced one was told at once, not at the next release
    release.set()
    await blocked.result
    assert calls == ["old", "new"]


def test_the_submitting_thread_never_waits_for_a_new_worker_to_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    starters: list[int] = []  # who called Thread.start for each worker thread
    original = threading.Thread.start

    def start(thread: threading.Thread) -> None:
        if thread.name.startswith("reactive-worker"):
            starters.append(threading.get_ident())
        original(thread)

    monkeypatch.setattr(threading.Thread, "start", start)
    pool = WorkerPool(max_threads=64, idle_seconds=5)
    release, entered, done = threading.Event(), threading.Semaphore(0), threading.Semaphore(0)

    def blocking() -> None:
        entered.release()
        release.wait(5)
        done.release()

    for _ in range(8):  # eight blocking calls at once: eight new threads
        pool.submit(lambda: blocking())
    assert pool.threads == 8
    assert all(entered.acquire(timeout=5) for _ in range(8))  # each in a thread of its own
    release.set()
    assert all(done.acquire(timeout=5) for _ in range(8))
    assert len(starters) == 8
    assert threading.get_ident() not in starters  # the event loop's thread: never stalled


@pytest.mark.parametrize(
    ("cpu", "wall", "heavy"),
    [
        (0.1, 0.1, True),  # a pure-Python call alone
        (0.1, 2.0, True),  # the same beside 20 others: its share falls, its CPU time does not
        (0.03, 0.1, True),  # 30 % of its time computing
        (0.03, 5.0, False),  # a long network call that parses a little
        (0.001, 0.1, False),  # a sleep
    ],
)
def test_a_call_is_heavy_by_the_cpu_it_used_whatever_the_gil_contention(
    cpu: float, wall: float, heavy: bool
) -> None:
    assert threads_module._is_heavy(cpu, wall) is heavy


async def test_computing_calls_of_all_sessions_take_the_servers_cores_in_turn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    label = "crunch()"
    monkeypatch.setattr(threads_module, "_heavy", {label})  # known to compute
    monkeypatch.setattr(threads_module, "_last_seconds", {label: 0.1})
    cores = HeavyCalls(slots=1)
    first, second = ThreadBudget(8, cores), ThreadBudget(8, cores)  # two sessions
    release = threading.Event()
    outcomes: list[tuple[bool, Any]] = []
    context = contextvars.copy_context()
    assert first.start_now(release.wait, label, context, outcomes.append, "a")
    # The other session's call waits for the core, with its thread budget all free.
    assert not second.start_now(lambda: "b", label, context, outcomes.append, "b")
    offered: list[bool] = []

    def retry() -> bool:  # as the scheduler's waiting run does
        took = second.start_now(lambda: "b", label, context, outcomes.append, "b")
        offered.append(took)
        return took

    second.when_free("b", retry)
    assert second.busy == 0
    release.set()  # the first session's call returns: its core goes to the waiting one
    assert await poll(lambda: offered == [True])
    assert await poll(lambda: (True, "b") in outcomes)
    assert cores.running == 0
    # A function that waits (not heavy) never takes a core: it starts beside a computing one.
    release.clear()
    assert first.start_now(release.wait, label, context, outcomes.append, "a")
    assert second.start_now(lambda: "io", "fetch()", context, outcomes.append, "c")
    release.set()
    assert await poll(lambda: (True, "io") in outcomes and cores.running == 0)

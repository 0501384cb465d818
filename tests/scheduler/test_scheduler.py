"""Scheduler semantics with a fake clock: latest, queue, ignore, debounce, limits, cancel."""

from __future__ import annotations

import asyncio

import pytest

from reactive.scheduler.clock import FakeClock
from reactive.scheduler.limiter import Limiter
from reactive.scheduler.policy import OnBusy
from reactive.scheduler.runs import Run, RunState
from reactive.scheduler.scheduler import RunBody, Scheduler, Submission


class Recorder:
    def __init__(self) -> None:
        self.changes: list[tuple[int, str, int | None]] = []

    def run_changed(self, run: Run) -> None:
        self.changes.append((run.id, run.state.value, run.position))

    def states(self, run_id: int) -> list[str]:
        return [state for rid, state, _ in self.changes if rid == run_id]


class Gate:
    """A body that waits until released, recording that it started and finished."""

    def __init__(self) -> None:
        self.started: list[int] = []
        self.finished: list[int] = []
        self.release = asyncio.Event()

    def body(self) -> RunBody:
        async def run(run: Run) -> None:
            self.started.append(run.id)
            await self.release.wait()
            self.finished.append(run.id)

        return run


async def settle() -> None:
    for _ in range(10):
        await asyncio.sleep(0)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


async def test_latest_cancels_the_active_run_and_starts_the_new_one(recorder: Recorder) -> None:
    scheduler = Scheduler(recorder)
    gate = Gate()
    first = scheduler.submit("f", Submission(gate.body()))
    await settle()
    second = scheduler.submit("f", Submission(gate.body()))
    assert first is not None
    assert second is not None
    assert first.state is RunState.CANCELLED  # marked at once, before its task unwinds
    assert first.token.cancelled  # so its sync code sees rx.cancelled() at once too
    assert not second.token.cancelled
    gate.release.set()
    await scheduler.wait_idle()
    assert gate.finished == [second.id]
    assert recorder.states(first.id) == ["running", "cancelled"]
    assert recorder.states(second.id) == ["running", "done"]
    assert scheduler.statistics().cancelled == 1


async def test_queue_runs_every_trigger_in_order(recorder: Recorder) -> None:
    scheduler = Scheduler(recorder)
    order: list[int] = []

    async def body(run: Run) -> None:
        await asyncio.sleep(0.001)
        order.append(run.id)

    runs = [scheduler.submit("f", Submission(body, on_busy=OnBusy.QUEUE)) for _ in range(4)]
    await scheduler.wait_idle()
    while scheduler.active_run("f") is not None:
        await scheduler.wait_idle()
    assert order == [r.id for r in runs if r is not None]


async def test_ignore_drops_triggers_while_busy(recorder: Recorder) -> None:
    scheduler = Scheduler(recorder)
    gate = Gate()
    first = scheduler.submit("f", Submission(gate.body(), on_busy=OnBusy.IGNORE))
    assert scheduler.submit("f", Submission(gate.body(), on_busy=OnBusy.IGNORE)) is None
    gate.release.set()
    await scheduler.wait_idle()
    assert first is not None
    assert gate.finished == [first.id]
    assert scheduler.submit("f", Submission(gate.body(), on_busy=OnBusy.IGNORE)) is not None
    await scheduler.wait_idle()


async def test_keys_are_independent(recorder: Recorder) -> None:
    scheduler = Scheduler(recorder)
    gate = Gate()
    a = scheduler.submit("a", Submission(gate.body()))
    b = scheduler.submit("b", Submission(gate.body()))
    gate.release.set()
    await scheduler.wait_idle()
    assert a is not None
    assert b is not None
    assert sorted(gate.finished) == [a.id, b.id]


async def test_debounce_starts_only_after_input_settles(recorder: Recorder) -> None:
    clock = FakeClock()
    scheduler = Scheduler(recorder, clock)
    started: list[int] = []

    async def body(run: Run) -> None:
        started.append(run.id)

    runs = []
    for _ in range(3):
        runs.append(scheduler.submit("f", Submission(body, debounce=0.3)))
        await clock.advance(0.1)  # each new keystroke comes before the deadline
    assert started == []
    await clock.advance(0.25)
    assert started == [runs[-1].id if runs[-1] else -1]
    # the debounced-away runs never became visible to the page
    assert all(recorder.states(r.id) == ["cancelled"] for r in runs[:-1] if r)
    await scheduler.wait_idle()


async def test_errors_are_recorded_and_the_lane_goes_on(recorder: Recorder) -> None:
    scheduler = Scheduler(recorder)

    async def boom(run: Run) -> None:
        raise ValueError("boom")

    failed = scheduler.submit("f", Submission(boom))
    await scheduler.wait_idle()
    assert failed is not None
    assert failed.state is RunState.ERROR
    assert isinstance(failed.error, ValueError)
    gate = Gate()
    gate.release.set()
    ok = scheduler.submit("f", Submission(gate.body()))
    await scheduler.wait_idle()
    assert ok is not None
    assert ok.state is RunState.DONE


async def test_cancel_all_stops_active_and_queued_runs(recorder: Recorder) -> None:
    scheduler = Scheduler(recorder)
    gate = Gate()
    active = scheduler.submit("f", Submission(gate.body(), on_busy=OnBusy.QUEUE))
    waiting = scheduler.submit("f", Submission(gate.body(), on_busy=OnBusy.QUEUE))
    await settle()
    scheduler.cancel_all()
    await scheduler.wait_idle()
    assert active is not None
    assert waiting is not None
    assert active.state is RunState.CANCELLED
    assert waiting.state is RunState.CANCELLED
    assert gate.finished == []


async def test_concurrency_limit_queues_across_schedulers_with_positions() -> None:
    limiter = Limiter(1)
    recorders = [Recorder() for _ in range(3)]
    schedulers = [Scheduler(r) for r in recorders]
    gate = Gate()
    runs = [s.submit("f", Submission(gate.body(), limiter=limiter)) for s in schedulers]
    await settle()
    assert gate.started == [runs[0].id if runs[0] else -1]
    assert recorders[1].changes[-1][1:] == ("queued", 1)
    assert recorders[2].changes[-1][1:] == ("queued", 2)
    # the first waiter leaves: the one behind it moves up
    schedulers[1].cancel("f")
    await settle()
    assert recorders[2].changes[-1][1:] == ("queued", 1)
    gate.release.set()
    for scheduler in schedulers:
        await scheduler.wait_idle()
    assert limiter.statistics().running == 0
    assert runs[2] is not None
    assert runs[2].state is RunState.DONE

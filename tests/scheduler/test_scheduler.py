"""Scheduler semantics with a fake clock: latest, queue, ignore, debounce, limits, cancel."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

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


class Starter:
    """A Starter (a run with no task): records each run it starts; ``end`` reports one over."""

    def __init__(self, accept: bool = True) -> None:
        self.accept = accept
        self.started: list[int] = []
        self.ends: dict[int, Callable[[BaseException | None], None]] = {}

    def __call__(self, run: Run, ended: Callable[[BaseException | None], None]) -> bool:
        if not self.accept:
            return False
        self.started.append(run.id)
        self.ends[run.id] = ended
        return True

    def end(self, run: Run, error: BaseException | None = None) -> None:
        self.ends.pop(run.id)(error)


async def _never(run: Run) -> None:
    raise AssertionError("a run its Starter took has no body to run")


async def test_a_run_with_a_starter_runs_without_a_task_and_ends_when_reported(
    recorder: Recorder,
) -> None:
    scheduler = Scheduler(recorder)
    starter = Starter()
    run = scheduler.submit("f", Submission(_never, start=starter))
    assert run is not None
    assert starter.started == []  # at the end of the loop turn, as a task would start
    await settle()
    assert starter.started == [run.id]
    assert recorder.states(run.id) == ["running"]
    starter.end(run)
    assert recorder.states(run.id) == ["running", "done"]
    assert scheduler.active_run("f") is None
    await asyncio.wait_for(scheduler.wait_idle(), 1)


async def test_a_trigger_in_the_same_loop_turn_supersedes_a_run_before_it_starts(
    recorder: Recorder,
) -> None:
    scheduler = Scheduler(recorder)
    starter = Starter()
    runs = [scheduler.submit("f", Submission(_never, start=starter)) for _ in range(5)]
    await settle()
    assert [r.id for r in runs if r is not None][-1:] == starter.started  # only the newest
    assert all(r is not None and r.state is RunState.CANCELLED for r in runs[:-1])
    assert all(recorder.states(r.id) == ["cancelled"] for r in runs[:-1] if r is not None)


async def test_a_superseded_started_run_stays_counted_until_its_end_is_reported(
    recorder: Recorder,
) -> None:
    scheduler = Scheduler(recorder)
    starter = Starter()
    first = scheduler.submit("f", Submission(_never, start=starter))
    await settle()
    second = scheduler.submit("f", Submission(_never, start=starter))
    await settle()
    assert first is not None
    assert second is not None
    assert first.state is RunState.CANCELLED
    assert first.token.cancelled
    assert starter.started == [first.id, second.id]
    waiting = asyncio.create_task(scheduler.wait_idle())
    starter.end(second)
    await settle()
    assert not waiting.done()  # the first run's thread has not returned yet
    starter.end(first)  # a late end of a superseded run: no state change, no status
    await asyncio.wait_for(waiting, 1)
    assert first.state is RunState.CANCELLED
    assert recorder.states(first.id) == ["running", "cancelled"]
    assert scheduler.active_run("f") is None


async def test_a_started_run_that_raised_ends_in_error(recorder: Recorder) -> None:
    scheduler = Scheduler(recorder)
    starter = Starter()
    run = scheduler.submit("f", Submission(_never, start=starter))
    await settle()
    assert run is not None
    failure = ValueError("boom")
    starter.end(run, failure)
    assert run.state is RunState.ERROR
    assert run.error is failure


async def test_a_starter_that_cannot_start_falls_back_to_the_body_in_a_task(
    recorder: Recorder,
) -> None:
    scheduler = Scheduler(recorder)
    gate = Gate()
    run = scheduler.submit("f", Submission(gate.body(), start=Starter(accept=False)))
    await settle()
    assert run is not None
    assert gate.started == [run.id]
    gate.release.set()
    await settle()
    assert run.state is RunState.DONE
    assert recorder.states(run.id) == ["running", "done"]


async def test_a_debounced_or_limited_run_never_uses_its_starter(recorder: Recorder) -> None:
    clock = FakeClock()
    scheduler = Scheduler(recorder, clock)
    starter, gate = Starter(), Gate()
    gate.release.set()
    debounced = scheduler.submit("d", Submission(gate.body(), debounce=0.1, start=starter))
    limited = scheduler.submit("l", Submission(gate.body(), limiter=Limiter(1), start=starter))
    await settle()
    await clock.advance(0.2)
    await settle()
    assert starter.started == []
    assert debounced is not None
    assert limited is not None
    assert debounced.state is RunState.DONE
    assert limited.state is RunState.DONE


class Waitlist:
    """A ``when_free`` that keeps the callbacks until ``free`` is called (a thread returned)."""

    def __init__(self) -> None:
        self.callbacks: list[Callable[[], bool]] = []

    def __call__(self, key: str, callback: Callable[[], bool]) -> None:
        self.callbacks.append(callback)

    def free(self) -> None:
        waiting, self.callbacks = self.callbacks, []
        for callback in waiting:
            if callback():
                return


async def test_a_run_with_no_free_thread_waits_queued_and_only_the_newest_starts(
    recorder: Recorder,
) -> None:
    scheduler = Scheduler(recorder)
    starter, waitlist = Starter(accept=False), Waitlist()
    submission = Submission(_never, start=starter, when_free=waitlist)
    runs = []
    for _ in range(3):  # three keystrokes while the budget is full, a loop turn each
        runs.append(scheduler.submit("f", submission))
        await settle()
    first, second, third = runs
    assert first is not None
    assert second is not None
    assert third is not None
    assert recorder.states(first.id) == ["queued", "cancelled"]  # no task was made to wait
    assert recorder.states(third.id) == ["queued"]
    starter.accept = True
    waitlist.free()  # a thread returned: the superseded ones decline, the newest takes it
    assert starter.started == [third.id]
    assert recorder.states(third.id) == ["queued", "running"]
    starter.end(third)
    assert recorder.states(third.id) == ["queued", "running", "done"]
    await asyncio.wait_for(scheduler.wait_idle(), 1)

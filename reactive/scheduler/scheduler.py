"""Per-session scheduler: at most one active run per key, with latest / queue / ignore policies.

A run's body is any coroutine function taking the :class:`Run`; the scheduler owns its task,
debounce, concurrency-limit slot and state transitions, and reports every transition to an
observer. Cancellation marks the run CANCELLED at once (so its late results are recognisably
stale) and then cancels its task. A submission with a ``start`` (a plain sync function) runs
with no task at all: started at the end of the loop turn, ended by a callback.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol

from reactive.scheduler.clock import Clock, LoopClock
from reactive.scheduler.limiter import Slots
from reactive.scheduler.policy import Decision, OnBusy, decide
from reactive.scheduler.runs import Run, RunState

RunBody = Callable[[Run], Awaitable[None]]
#: Reports a run started by a :data:`Starter` as ended: None, or the exception it raised.
Ended = Callable[[BaseException | None], None]
#: Starts a run at once, with no task (a plain sync function handed to a free thread), and
#: calls ``ended`` on the loop when it is over; False when it cannot start now (no free
#: thread): the run then waits through ``when_free``, or its ``body`` runs in a task.
Starter = Callable[[Run, Ended], bool]
#: Registers, for a key, a callback for when a thread may have freed (it returns True if it
#: took it); a key's newer callback replaces its older one.
WhenFree = Callable[[str, Callable[[], bool]], None]


class RunObserver(Protocol):
    def run_changed(self, run: Run) -> None:
        """Called after every state change of a run, and when its queue position changes."""


@dataclass(slots=True)  # not frozen: one is made per keystroke, and frozen __init__ is slower
class Submission:
    body: RunBody
    on_busy: OnBusy = OnBusy.LATEST
    debounce: float = 0.0
    limiter: Slots | None = None
    #: The same work started without a task, when it can be (used only with no debounce and
    #: no limiter): a keystroke's run costs no task, no coroutine and no future.
    start: Starter | None = None
    #: Where a run its Starter could not start waits, queued, for a free thread (with no task
    #: either); None: its body runs in a task instead.
    when_free: WhenFree | None = None


@dataclass(slots=True)
class _Lane:
    """The runs of one key: the active one and, under the queue policy, those waiting."""

    active: Run | None = None
    task: asyncio.Task[None] | None = None
    waiting: deque[tuple[Run, Submission]] = field(default_factory=deque)


@dataclass(frozen=True, slots=True)
class SchedulerStatistics:
    started: int
    finished: int
    cancelled: int
    active: int


class Scheduler:
    """Starts, supersedes, queues and cancels runs of keyed bodies."""

    def __init__(self, observer: RunObserver, clock: Clock | None = None) -> None:
        self._observer = observer
        self._clock: Clock = clock or LoopClock()
        self._lanes: dict[str, _Lane] = {}
        self._ids = itertools.count(1)
        self._tasks: set[asyncio.Task[None]] = set()
        self._direct = 0  # runs started by a Starter whose end is not reported yet
        self._direct_idle: asyncio.Future[None] | None = None  # set when _direct drops to 0
        self._started = self._finished = self._cancelled = 0

    def submit(self, key: str, submission: Submission) -> Run | None:
        """Ask for a run of ``key``; returns it, or None when the policy drops it."""
        lane = self._lanes.get(key)
        if lane is None:  # not setdefault: that would make a lane (and its deque) every time
            lane = self._lanes[key] = _Lane()
        decision = decide(submission.on_busy, busy=lane.active is not None)
        if decision is Decision.DROP:
            return None
        run = Run(next(self._ids), key)
        if decision is Decision.ENQUEUE:
            lane.waiting.append((run, submission))
            return run
        if decision is Decision.SUPERSEDE and lane.active is not None:
            lane.active.superseded = True
            self._cancel_active(lane)
        self._start(lane, run, submission)
        return run

    def cancel(self, key: str) -> None:
        """Cancel the active and waiting runs of ``key``."""
        lane = self._lanes.get(key)
        if lane is not None:
            self._cancel_waiting(lane)
            self._cancel_active(lane)

    def forget(self, key: str) -> None:
        """Cancel ``key``'s runs and drop its lane: it will not be submitted again (a rendered
        listener whose render was replaced)."""
        self.cancel(key)
        self._lanes.pop(key, None)

    def cancel_all(self) -> None:
        for key in list(self._lanes):
            self.cancel(key)

    async def wait_idle(self) -> None:
        """Wait until no run task is left (cancelled ones included, whose threads must end).

        Cancelling this wait leaves the runs alone (``asyncio.wait``, not ``gather``).
        """
        while self._tasks or self._direct:
            waits: set[asyncio.Future[None]] = set(self._tasks)
            if self._direct:
                if self._direct_idle is None or self._direct_idle.done():
                    self._direct_idle = asyncio.get_running_loop().create_future()
                waits.add(self._direct_idle)
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)

    def active_run(self, key: str) -> Run | None:
        lane = self._lanes.get(key)
        return lane.active if lane else None

    def statistics(self) -> SchedulerStatistics:
        active = sum(1 for lane in self._lanes.values() if lane.active)
        return SchedulerStatistics(self._started, self._finished, self._cancelled, active)

    # ---------------------------------------------------------------- internals

    def _start(self, lane: _Lane, run: Run, submission: Submission) -> None:
        lane.active = run
        plain = submission.debounce <= 0 and submission.limiter is None
        if submission.start is not None and plain:
            # At the end of this loop turn, as a task would start: a newer trigger in the same
            # turn (a burst of keystrokes) supersedes it before it costs a thread.
            self._direct += 1
            asyncio.get_running_loop().call_soon(self._launch, lane, run, submission)
            return
        self._start_task(lane, run, submission)

    def _launch(self, lane: _Lane, run: Run, submission: Submission) -> bool:
        """Start a run by its Starter; True when it took a thread.

        With no free thread the run waits, queued, until ``when_free`` calls this again (a newer
        trigger supersedes it meanwhile: only the newest waits), or its body runs in a task.
        """
        assert submission.start is not None
        if run.state.finished:  # superseded before it started
            self._ended(lane, run, None)
            return False
        if submission.start(run, partial(self._ended, lane, run)):
            self._move(run, RunState.RUNNING)
            self._started += 1
            return True
        if submission.when_free is None:
            self._direct -= 1
            self._start_task(lane, run, submission)
            return False
        if run.state is RunState.PENDING:
            self._move(run, RunState.QUEUED)
        submission.when_free(run.key, partial(self._launch, lane, run, submission))
        return False

    def _start_task(self, lane: _Lane, run: Run, submission: Submission) -> None:
        # The debounce runs from the trigger, not from whenever the task first gets scheduled.
        start_at = self._clock.now() + submission.debounce
        task = asyncio.get_running_loop().create_task(self._drive(lane, run, submission, start_at))
        lane.task = task
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _cancel_active(self, lane: _Lane) -> None:
        run, task = lane.active, lane.task
        if run is None:
            return
        lane.active = lane.task = None
        self._mark_cancelled(run)
        if task is not None:
            task.cancel()
        # A run without a task (started by its Starter) ends when its thread returns.

    def _ended(self, lane: _Lane, run: Run, error: BaseException | None) -> None:
        """A run started without a task is over (its thread returned): as ``_drive`` ends."""
        self._direct -= 1
        idle = self._direct_idle
        if not self._direct and idle is not None and not idle.done():
            idle.set_result(None)
        if not run.state.finished:
            if error is None:
                self._move(run, RunState.DONE)
                self._finished += 1
            else:
                run.error = error
                self._move(run, RunState.ERROR)
        self._after_run(lane, run)

    def _cancel_waiting(self, lane: _Lane) -> None:
        while lane.waiting:
            run, _ = lane.waiting.popleft()
            self._mark_cancelled(run)

    def _mark_cancelled(self, run: Run) -> None:
        if not run.state.finished:
            run.transition(RunState.CANCELLED)
            self._cancelled += 1
            self._observer.run_changed(run)

    def _move(self, run: Run, state: RunState) -> None:
        run.transition(state)
        self._observer.run_changed(run)

    async def _drive(self, lane: _Lane, run: Run, submission: Submission, start_at: float) -> None:
        holds_slot = False
        try:
            if submission.debounce > 0:
                await self._clock.sleep(max(0.0, start_at - self._clock.now()))
            if submission.limiter is not None:
                holds_slot = await self._acquire(run, submission.limiter)
            self._move(run, RunState.RUNNING)
            self._started += 1
            await submission.body(run)
            self._move(run, RunState.DONE)
            self._finished += 1
        except asyncio.CancelledError:
            self._mark_cancelled(run)
            raise
        except Exception as exc:
            run.error = exc
            if not run.state.finished:
                self._move(run, RunState.ERROR)
        finally:
            if holds_slot and submission.limiter is not None:
                submission.limiter.release()
            self._after_run(lane, run)

    async def _acquire(self, run: Run, limiter: Slots) -> bool:
        if limiter.acquire_nowait():
            return True

        def on_position(position: int) -> None:
            run.position = position
            if run.state is RunState.PENDING:
                run.transition(RunState.QUEUED)
            if not run.state.finished:
                self._observer.run_changed(run)

        await limiter.acquire(on_position)
        run.position = None
        return True

    def _after_run(self, lane: _Lane, run: Run) -> None:
        if lane.active is not run:
            return  # superseded: the lane already belongs to a newer run
        lane.active = lane.task = None
        while lane.waiting:
            next_run, submission = lane.waiting.popleft()
            if not next_run.state.finished:
                self._start(lane, next_run, submission)
                return

"""A run of a bound function and its states; every legal transition is in one table."""

from __future__ import annotations

from enum import Enum

from reactive.errors import ReactiveError
from reactive.scheduler.cancel import CancelToken


class RunState(Enum):
    PENDING = "pending"  # created; waiting out a debounce or its turn in a queue
    QUEUED = "queued"  # waiting for a concurrency_limit slot shared across sessions
    RUNNING = "running"
    DONE = "done"
    ERROR = "error"
    CANCELLED = "cancelled"

    # Members are singletons: identity hashing (in C) instead of Enum's hash of the name, in
    # Python, which the transitions table and every status lookup pay for each keystroke.
    __hash__ = object.__hash__

    @property
    def finished(self) -> bool:
        return self in _TERMINAL


_TERMINAL = frozenset({RunState.DONE, RunState.ERROR, RunState.CANCELLED})

TRANSITIONS: dict[RunState, frozenset[RunState]] = {
    RunState.PENDING: frozenset({RunState.QUEUED, RunState.RUNNING, RunState.CANCELLED}),
    RunState.QUEUED: frozenset({RunState.RUNNING, RunState.CANCELLED}),
    RunState.RUNNING: frozenset({RunState.DONE, RunState.ERROR, RunState.CANCELLED}),
    RunState.DONE: frozenset(),
    RunState.ERROR: frozenset(),
    RunState.CANCELLED: frozenset(),
}


class RunStateError(ReactiveError):
    """An illegal run state transition (a bug in reactive, never the user's)."""


class Run:
    """One execution of a bound function: its id, key and state."""

    __slots__ = ("error", "id", "key", "position", "state", "superseded", "token", "was_visible")

    def __init__(self, run_id: int, key: str) -> None:
        self.id = run_id
        self.key = key
        self.state = RunState.PENDING
        self.position: int | None = None  # place in a limiter queue, 1 = next
        self.error: BaseException | None = None
        self.was_visible = False  # queued or running at some point: the page knows of it
        #: Cancelled because a newer run of its key took its place (whose status follows).
        self.superseded = False
        #: Set the moment the run is cancelled: its sync code sees ``rx.cancelled()`` at once.
        self.token = CancelToken()

    def transition(self, new: RunState) -> None:
        if new not in TRANSITIONS[self.state]:
            allowed = ", ".join(sorted(s.value for s in TRANSITIONS[self.state])) or "nothing"
            raise RunStateError(
                f"Run {self.id} of {self.key!r}: expected a move to {allowed}, got {new.value}."
            )
        self.state = new
        if new is RunState.CANCELLED:
            self.token.cancel()
        if new in (RunState.QUEUED, RunState.RUNNING):
            self.was_visible = True

    @property
    def cancelled(self) -> bool:
        return self.state is RunState.CANCELLED

    def __repr__(self) -> str:
        return f"Run(id={self.id}, key={self.key!r}, state={self.state.value})"

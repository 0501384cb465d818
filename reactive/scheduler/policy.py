"""What to do with a new trigger while a function is busy: a pure decision table."""

from __future__ import annotations

from enum import Enum


class OnBusy(Enum):
    LATEST = "latest"  # cancel the active run, start the new one
    QUEUE = "queue"  # run every trigger, in order
    IGNORE = "ignore"  # drop triggers while a run is active

    __hash__ = object.__hash__  # identity, in C: looked up at every submit


class Decision(Enum):
    START = "start"
    SUPERSEDE = "supersede"  # cancel the active run, then start
    ENQUEUE = "enqueue"
    DROP = "drop"


_BUSY_DECISIONS = {
    OnBusy.LATEST: Decision.SUPERSEDE,
    OnBusy.QUEUE: Decision.ENQUEUE,
    OnBusy.IGNORE: Decision.DROP,
}


def decide(policy: OnBusy, busy: bool) -> Decision:
    """The decision for a new trigger, given the function's policy and whether it is busy."""
    return _BUSY_DECISIONS[policy] if busy else Decision.START


def parse_on_busy(value: str | OnBusy) -> OnBusy:
    """Accept ``"latest"``, ``"queue"`` or ``"ignore"`` (or the enum); a clear error otherwise."""
    if isinstance(value, OnBusy):
        return value
    try:
        return OnBusy(value)
    except ValueError:
        choices = ", ".join(repr(p.value) for p in OnBusy)
        raise ValueError(f"on_busy must be one of {choices}, got {value!r}.") from None

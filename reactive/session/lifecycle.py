"""A session's lifecycle: its states and every legal move between them, in one table."""

from __future__ import annotations

from enum import Enum

from reactive.errors import ReactiveError


class SessionState(Enum):
    NEW = "new"  # made on a hello, not yet greeted
    ATTACHED = "attached"  # a page is on its socket
    DETACHED = "detached"  # the socket went; values (and for a while runs) wait for a resume
    CLOSED = "closed"  # runs stopped, files removed: never attached again


TRANSITIONS: dict[SessionState, frozenset[SessionState]] = {
    SessionState.NEW: frozenset({SessionState.ATTACHED, SessionState.CLOSED}),
    SessionState.ATTACHED: frozenset({SessionState.DETACHED, SessionState.CLOSED}),
    SessionState.DETACHED: frozenset({SessionState.ATTACHED, SessionState.CLOSED}),
    SessionState.CLOSED: frozenset(),
}


class SessionStateError(ReactiveError):
    """An illegal session transition (a bug in reactive, never the user's)."""


def check_move(session_id: str, current: SessionState, new: SessionState) -> SessionState:
    """``new`` if the table allows the move; else a SessionStateError saying what was expected."""
    allowed = TRANSITIONS[current]
    if new not in allowed:
        names = ", ".join(sorted(s.value for s in allowed)) or "nothing"
        raise SessionStateError(
            f"Session {session_id} is {current.value}: expected a move to {names}, got {new.value}."
        )
    return new

"""The session lifecycle table: every legal move, and a clear error for the others."""

from __future__ import annotations

import pytest

from reactive.session.lifecycle import TRANSITIONS, SessionState, SessionStateError, check_move


def test_a_closed_session_goes_nowhere() -> None:
    assert TRANSITIONS[SessionState.CLOSED] == frozenset()


def test_a_session_is_attached_again_only_after_a_detach() -> None:
    assert check_move("s", SessionState.DETACHED, SessionState.ATTACHED) is SessionState.ATTACHED
    with pytest.raises(SessionStateError, match="expected a move to closed, detached"):
        check_move("s", SessionState.ATTACHED, SessionState.ATTACHED)


def test_every_state_can_close_but_closed() -> None:
    for state in SessionState:
        if state is not SessionState.CLOSED:
            assert check_move("s", state, SessionState.CLOSED) is SessionState.CLOSED
    with pytest.raises(SessionStateError, match="Session s is closed: expected a move to nothing"):
        check_move("s", SessionState.CLOSED, SessionState.ATTACHED)

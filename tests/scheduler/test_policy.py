"""The busy-policy decision table and the run state table."""

from __future__ import annotations

import pytest

from reactive.scheduler.policy import Decision, OnBusy, decide, parse_on_busy
from reactive.scheduler.runs import Run, RunState, RunStateError


@pytest.mark.parametrize(
    ("policy", "busy", "decision"),
    [
        (OnBusy.LATEST, False, Decision.START),
        (OnBusy.LATEST, True, Decision.SUPERSEDE),
        (OnBusy.QUEUE, False, Decision.START),
        (OnBusy.QUEUE, True, Decision.ENQUEUE),
        (OnBusy.IGNORE, False, Decision.START),
        (OnBusy.IGNORE, True, Decision.DROP),
    ],
)
def test_decision_table(policy: OnBusy, busy: bool, decision: Decision) -> None:
    assert decide(policy, busy) is decision


def test_parse_on_busy_names_the_choices() -> None:
    assert parse_on_busy("queue") is OnBusy.QUEUE
    with pytest.raises(ValueError, match="'latest', 'queue', 'ignore'"):
        parse_on_busy("newest")


def test_run_moves_through_legal_states() -> None:
    run = Run(1, "f")
    run.transition(RunState.QUEUED)
    run.transition(RunState.RUNNING)
    run.transition(RunState.DONE)
    assert run.state.finished
    assert run.was_visible


def test_illegal_transition_says_what_was_expected() -> None:
    run = Run(1, "f")
    run.transition(RunState.RUNNING)
    run.transition(RunState.DONE)
    with pytest.raises(RunStateError, match="expected a move to nothing, got running"):
        run.transition(RunState.RUNNING)

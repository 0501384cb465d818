"""The client's page model: a resumed welcome brings a running call's outputs as they stand."""

from __future__ import annotations

from reactive.client.state import FunctionInfo, Parameter, RunRecord, SessionState


def app(value: str) -> dict[str, object]:
    return {
        "components": {"text": {"props": {"value": "hi"}}, "out": {"props": {"value": value}}},
        "fns": [],
    }


def test_a_resumed_welcome_gives_a_call_its_outputs_and_the_replayed_status_ends_it() -> None:
    state = SessionState()
    state.welcome(app(""))
    inputs, outputs = [Parameter("text", "textbox", None)], [Parameter("out", "text", None)]
    shout = FunctionInfo("shout", inputs, outputs)
    record = RunRecord(shout, run=3)
    state.track(record)
    state.welcome(app("HI"))  # the socket dropped with the run's last batch; the session resumed
    state.apply({"t": "status", "f": "shout", "r": 3, "s": "done"})  # replayed on resume
    assert record.finished.is_set()
    assert (record.state, record.values) == ("done", {"out": "HI"})


def test_a_session_restored_elsewhere_ends_its_calls_and_starts_its_run_ids_again() -> None:
    state = SessionState()
    state.welcome(app(""))
    inputs, outputs = [Parameter("text", "textbox", None)], [Parameter("out", "text", None)]
    old = RunRecord(FunctionInfo("shout", inputs, outputs), run=7)
    state.track(old)
    state.moved("moved")
    assert (old.finished.is_set(), old.state) == (True, "lost")
    fresh = RunRecord(FunctionInfo("shout", inputs, outputs), run=1)  # the new process's run 1
    state.track(fresh)
    state.apply({"t": "update", "c": "out", "f": "shout", "r": 1, "v": "HI"})
    assert fresh.values == {"out": "HI"}  # not taken for a stale run of the old session

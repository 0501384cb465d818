"""The status table and the error text a page shows for a run."""

from __future__ import annotations

import reactive as rx
from reactive.scheduler.runs import Run, RunState
from reactive.session.runs import error_text, status_of


def test_error_text_hides_details_without_show_error() -> None:
    assert error_text(rx.Error("Bad input")) == "Bad input"
    assert error_text(ValueError("x"), show_error=True) == "ValueError: x"
    assert error_text(ValueError("x"), show_error=False, name="f") == (
        "Error in f(). The server log has the details."
    )


def test_status_of_follows_the_run() -> None:
    app = rx.App()

    @app.fn(inputs=rx.Textbox(), outputs=rx.Text())
    def echo(text: str) -> str:
        return text

    [function] = app.functions
    run = Run(1, function.id)
    assert status_of(function, run) is None  # pending: the page knows nothing yet
    run.transition(RunState.RUNNING)
    running = status_of(function, run)
    assert running is not None
    assert running.state == "running"
    run.transition(RunState.DONE)
    done = status_of(function, run)
    assert done is not None
    assert done.state == "done"

"""rx.Info and rx.Warning become toasts of the run; outside a run they only log."""

from __future__ import annotations

import time

import pytest

import reactive as rx
from reactive.testing import AppTester


async def test_info_and_warning_reach_the_page_as_toasts() -> None:
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def save(q: str) -> str:
        rx.Info("Saved.")
        rx.Warning("Almost full.", duration=None)
        return q

    async with AppTester(app) as page:
        await page.input("q", "x")
        assert await page.wait_status("save", "done")
        assert [(t["l"], t["msg"]) for t in page.page.toasts] == [
            ("info", "Saved."),
            ("warning", "Almost full."),
        ]
        assert page.page.toasts[0]["d"] == 10.0
        assert "d" not in page.page.toasts[1]


async def test_a_superseded_runs_toast_is_dropped() -> None:
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def slow(q: str) -> str:
        time.sleep(0.1)
        rx.Info(f"done {q}")
        return q

    async with AppTester(app) as page:
        await page.input("q", "a")
        await page.input("q", "ab")
        assert await page.wait_value("out", "ab")
        await page.wait_until(lambda: False, timeout=0.2)
        assert [t["msg"] for t in page.page.toasts] == ["done ab"]


def test_outside_a_run_a_message_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="reactive")
    rx.Info("hello")
    assert "hello" in caplog.text


def test_error_takes_gradio_arguments() -> None:
    error = rx.Error("bad input", duration=5, title="Oops")
    assert str(error) == "Oops: bad input"
    assert error.duration == 5

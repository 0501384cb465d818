"""Staleness belongs to a function's run: two functions writing one output both stay live."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

import reactive as rx
from reactive.session.manager import SessionManager
from reactive.testing import AppTester


def ticker_app(kind: str, period: float = 0.02) -> rx.App:
    """A Start button runs a ticker forever; a Clear button's function writes the same output."""
    app = rx.App(title="ticker")
    out = rx.Text(elem_id="out")

    async def async_ticker() -> AsyncIterator[str]:
        i = 0
        while True:
            yield str(i)
            i += 1
            await asyncio.sleep(period)

    def sync_ticker() -> Iterator[str]:
        i = 0
        while True:
            yield str(i)
            i += 1
            time.sleep(period)

    ticker = async_ticker if kind == "async" else sync_ticker
    app.fn(inputs=[], outputs=out, trigger=rx.Button("Start", elem_id="start"))(ticker)

    @app.fn(inputs=[], outputs=out, trigger=rx.Button("Clear", elem_id="clear"))
    def clear() -> str:
        return "cleared"

    return app


def shown(page: AppTester) -> Any:
    return page.page.values.get("out")


def ticks(page: AppTester) -> list[int]:
    events = [e for e in page.page.applied if e["t"] == "update" and e["c"] == "out"]
    return [int(e["v"]) for e in events if e["v"].isdigit()]


@pytest.mark.parametrize("kind", ["async", "sync"])
async def test_a_ticker_stays_live_after_another_function_writes_its_output(kind: str) -> None:
    name = f"{kind}_ticker"
    async with AppTester(ticker_app(kind)) as page:
        await page.click("start")
        assert await page.wait_until(lambda: len(ticks(page)) >= 2)
        await page.click("clear")
        assert await page.wait_value("out", "cleared")
        at_clear = ticks(page)[-1]
        # The ticker's later values are shown again: its run is the newest of *its* function.
        assert await page.wait_until(lambda: len(ticks(page)) > 0 and ticks(page)[-1] > at_clear)
        assert page.page.status[name]["s"] == "running"
        assert page.page.status["clear"]["s"] == "done"
        assert page.page.dropped == []
        # Newest write wins, in arrival order: clearing again shows "cleared" again.
        await page.click("clear")
        assert await page.wait_value("out", "cleared")
        assert await page.wait_until(lambda: str(shown(page)).isdigit())
        assert page.page.dropped == []


async def test_an_older_run_of_the_same_function_is_still_dropped() -> None:
    """The page model drops what the browser drops: an update of a superseded run of f."""
    async with AppTester(ticker_app("async")) as page:
        page.page.apply({"t": "status", "f": "async_ticker", "r": 5, "s": "running"})
        page.page.apply({"t": "update", "c": "out", "r": 4, "f": "async_ticker", "v": "late"})
        assert page.page.values["out"] == ""
        assert [e["v"] for e in page.page.dropped] == ["late"]
        # Another function's lower run is not stale for the ticker's output ...
        page.page.apply({"t": "update", "c": "out", "r": 3, "f": "clear", "v": "cleared"})
        assert page.page.values["out"] == "cleared"
        # ... and an update with no function (an example's fill) never is.
        page.page.apply({"t": "update", "c": "out", "r": 1, "v": "filled"})
        assert page.page.values["out"] == "filled"


async def test_a_resumed_page_shows_the_current_value_and_both_functions_stay_live() -> None:
    app = ticker_app("async")
    manager = SessionManager(app, grace=5, run_grace=5)
    async with AppTester(app, manager=manager) as first:
        await first.click("start")
        assert await first.wait_until(lambda: len(ticks(first)) >= 2)
        await first.click("clear")
        assert await first.wait_value("out", "cleared")
        first.disconnect()
        assert first.session is not None
        async with AppTester(app, manager=manager, session_id=first.session.id) as second:
            assert second.welcome["resumed"] is True
            current = second.welcome["app"]["components"]["out"]["props"]["value"]
            assert current == "cleared" or current.isdigit()  # a reconnect re-sends the value
            assert await second.wait_until(lambda: len(ticks(second)) >= 2)  # still ticking
            await second.click("clear")
            assert await second.wait_value("out", "cleared")
            assert await second.wait_until(lambda: str(shown(second)).isdigit())
            assert second.page.dropped == []

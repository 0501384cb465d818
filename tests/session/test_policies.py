"""Busy policies, debounce, a page's cancel, and a generator that fails part way, in memory."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

import reactive as rx
from reactive.scheduler.clock import FakeClock
from reactive.session import manager as sessions
from reactive.session.session import Session
from reactive.testing import AppTester
from tests.session.test_session import add_ping, round_trip, sent_values


def busy_app(on_busy: str, calls: list[str], release: asyncio.Event) -> rx.App:
    """``work`` upper-cases ``q`` once ``release`` is set; a click on ``go`` calls it."""
    app = rx.App()

    @app.fn(
        inputs=rx.Textbox(elem_id="q"),
        outputs=rx.Text(elem_id="out"),
        trigger=rx.Button(elem_id="go"),
        on_busy=on_busy,
    )
    async def work(q: str) -> str:
        calls.append(q)
        await release.wait()
        return q.upper()

    add_ping(app)
    return app


def statuses(page: AppTester, function: str) -> list[tuple[int, str]]:
    """Every status the server sent for ``function``: (run, state), in order."""
    return [(e["r"], e["s"]) for e in page.events if e["t"] == "status" and e["f"] == function]


async def click_with(page: AppTester, text: str) -> None:
    await page.input("q", text)
    await page.click("go")


async def test_queue_runs_every_call_in_order() -> None:
    calls: list[str] = []
    release = asyncio.Event()
    async with AppTester(busy_app("queue", calls, release)) as page:
        await click_with(page, "a")
        assert await page.wait_status("work", "running")
        await click_with(page, "b")
        await click_with(page, "c")
        await round_trip(page)
        assert calls == ["a"]  # the others wait their turn; none supersedes the first
        release.set()
        assert await page.wait_value("out", "C")
        assert await page.wait_status("work", "done")
        assert calls == ["a", "b", "c"]
        assert sent_values(page, "out") == ["A", "B", "C"]
        runs = [run for run, state in statuses(page, "work") if state == "done"]
        assert len(runs) == 3
        assert runs == sorted(runs)
        assert all(state != "cancelled" for _, state in statuses(page, "work"))
        assert page.page.dropped == []


async def test_ignore_drops_calls_while_busy() -> None:
    calls: list[str] = []
    release = asyncio.Event()
    async with AppTester(busy_app("ignore", calls, release)) as page:
        await click_with(page, "a")
        assert await page.wait_status("work", "running")
        await click_with(page, "b")
        await click_with(page, "c")
        release.set()
        assert await page.wait_value("out", "A")
        assert await page.wait_status("work", "done")
        await round_trip(page)  # a queued "b" would have started by now
        assert calls == ["a"]
        await click_with(page, "d")  # no longer busy: this one runs
        assert await page.wait_value("out", "D")
        assert calls == ["a", "d"]
        assert sent_values(page, "out") == ["A", "D"]
        assert len({run for run, _ in statuses(page, "work")}) == 2


async def test_debounce_runs_only_the_settled_value(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock()

    class FakeClockSession(Session):
        def __init__(self, app: rx.App, session_id: str, **_: Any) -> None:
            super().__init__(app, session_id, clock=clock)

    monkeypatch.setattr(sessions, "Session", FakeClockSession)
    app = rx.App()
    calls: list[str] = []

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True, debounce=0.5)
    async def search(q: str) -> str:
        calls.append(q)
        return q.upper()

    async with AppTester(app) as page:
        for text in ["a", "ab", "abc"]:
            await page.input("q", text)
            await clock.advance(0.3)  # less than the debounce between keystrokes
        assert calls == []
        await page.input("q", "abcd")
        await clock.advance(0.4)
        assert calls == []  # 0.4 s after the last keystroke: still settling
        await clock.advance(0.1)
        assert await page.wait_value("out", "ABCD")
        assert calls == ["abcd"]
        assert sent_values(page, "out") == ["ABCD"]
        # The superseded keystrokes never started, so the page heard nothing of them.
        assert len({run for run, _ in statuses(page, "search")}) == 1
        assert statuses(page, "search")[-1][1] == "done"


@pytest.mark.parametrize("kind", ["async", "sync"])
async def test_a_cancel_from_the_page_stops_the_run(kind: str) -> None:
    app = rx.App()
    closed = threading.Event()

    async def async_ticks() -> AsyncIterator[str]:
        try:
            for i in range(10_000):
                yield str(i)
                await asyncio.sleep(0.01)
        finally:
            closed.set()

    def sync_ticks() -> Iterator[str]:
        try:
            for i in range(10_000):
                yield str(i)
                time.sleep(0.01)
        finally:
            closed.set()

    ticks = async_ticks if kind == "async" else sync_ticks
    app.fn(inputs=[], outputs=rx.Text(elem_id="out"), trigger=rx.Button(elem_id="go"))(ticks)
    add_ping(app)
    name = ticks.__name__

    async with AppTester(app) as page:
        await page.click("go")
        assert await page.wait_until(lambda: len(sent_values(page, "out")) >= 3)
        await page.send({"t": "cancel", "f": name})
        assert await page.wait_status(name, "cancelled")
        assert await asyncio.to_thread(closed.wait, 5)  # the generator was closed
        shown = page.page.values["out"]
        await round_trip(page)
        # Nothing of the run after its "cancelled": the page keeps the last value it had.
        at = page.events.index(page.page.status[name])
        assert [e for e in page.events[at:] if e.get("c") == "out"] == []
        assert page.page.values["out"] == shown
        assert page.session is not None
        assert page.session.scheduler.active_run(name) is None


@pytest.mark.parametrize("kind", ["async", "sync"])
async def test_a_generator_that_raises_shows_its_values_then_the_error(kind: str) -> None:
    app = rx.App()

    async def async_fails() -> AsyncIterator[dict[str, int]]:
        yield {"n": 1}
        yield {"n": 2}
        raise ValueError("boom")

    def sync_fails() -> Iterator[dict[str, int]]:
        yield {"n": 1}
        yield {"n": 2}
        raise ValueError("boom")

    fails = async_fails if kind == "async" else sync_fails
    out = rx.JSON(elem_id="out")  # every value is sent while the page keeps up
    app.fn(inputs=[], outputs=out, trigger=rx.Button(elem_id="go"), show_error=True)(fails)
    add_ping(app)
    name = fails.__name__

    async with AppTester(app) as page:
        await page.click("go")
        assert await page.wait_status(name, "error")
        assert page.page.status[name]["msg"] == "ValueError: boom"
        assert page.page.values["out"] == {"n": 2}  # what it yielded stays
        sent = [e for e in page.events if e.get("c") == "out" or e.get("f") == name]
        assert [(e["t"], e.get("v", e.get("s"))) for e in sent][-3:] == [
            ("update", {"n": 1}),
            ("update", {"n": 2}),
            ("status", "error"),
        ]
        await round_trip(page)  # the session goes on
        first = page.page.status[name]["r"]
        await page.click("go")  # and the function runs again
        assert await page.wait_until(lambda: page.page.status[name]["r"] > first)
        assert await page.wait_status(name, "error")
        assert sent_values(page, "out") == [{"n": 1}, {"n": 2}] * 2
        assert page.page.dropped == []

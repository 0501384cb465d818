"""A page that stops reading is closed and its runs stopped: nothing is produced into nothing."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

import reactive as rx
from reactive.protocol.connection import CLOSE_STALLED
from reactive.session import writer
from reactive.testing import AppTester, MemoryTransport


def counting_app(produced: list[int], closed: threading.Event) -> rx.App:
    app = rx.App()

    # A Number keeps every value (no latest-value skipping), so production follows the window.
    @app.fn(inputs=[], outputs=rx.Number(elem_id="out"), trigger=rx.Button("Go", elem_id="go"))
    def forever() -> Iterator[int]:
        try:
            i = 0
            while True:
                produced.append(i)
                yield i
                i += 1
        finally:
            closed.set()

    return app


async def test_a_page_that_stops_acknowledging_is_closed_and_its_runs_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(writer, "STALLED_PAGE_SECONDS", 0.2)
    produced: list[int] = []
    closed = threading.Event()
    async with AppTester(counting_app(produced, closed), auto_ack=False, window_bytes=2000) as page:
        await page.click("go")
        assert await page.wait_until(lambda: page.transport.close_code is not None, timeout=5)
        assert page.transport.close_code == CLOSE_STALLED
        assert await asyncio.to_thread(closed.wait, 5)  # the generator was closed
        count = len(produced)
        assert count < 1000  # paused at the full window, then stopped: not run into nothing
        assert page.session is not None
        await asyncio.wait_for(page.session.scheduler.wait_idle(), 5)
        assert len(produced) == count


class StuckTransport(MemoryTransport):
    """A socket whose send never completes once ``stuck`` is set (the peer stopped reading)."""

    def __init__(self) -> None:
        super().__init__()
        self.stuck = False

    def try_send(self, data: bytes) -> bool:
        return not self.stuck and super().try_send(data)

    async def send(self, data: bytes) -> None:
        if self.stuck:
            await asyncio.Event().wait()
        await super().send(data)


async def test_a_send_that_makes_no_progress_closes_the_socket(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(writer, "STALLED_PAGE_SECONDS", 0.2)
    produced: list[int] = []
    closed = threading.Event()
    page = AppTester(counting_app(produced, closed))
    stuck = StuckTransport()
    page.transport = stuck
    page.channel.transport = stuck
    async with page:
        stuck.stuck = True
        await page.click("go")
        assert await asyncio.to_thread(closed.wait, 5)
        assert stuck.close_code == CLOSE_STALLED

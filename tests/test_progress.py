"""rx.Progress: reports from any thread, conflated, with an ETA; nothing outside a run."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import reactive as rx
from reactive.progress import _fraction
from reactive.testing import AppTester


def test_fractions_from_floats_pairs_and_steps() -> None:
    assert _fraction(0.25, None) == (0.25, None, None)
    assert _fraction((3, 4), None) == (0.75, 3, 4)
    assert _fraction(3, 10) == (0.3, 3, 10)
    assert _fraction(None, None) == (None, None, None)
    assert _fraction(1.7, None)[0] == 1.0


def test_progress_outside_a_run_does_nothing() -> None:
    progress = rx.Progress()
    assert progress(0.5, "x") == 0.5
    assert list(progress.tqdm([1, 2])) == [1, 2]


async def test_a_sync_function_reports_progress_from_its_thread() -> None:
    app = rx.App()

    @app.fn(inputs=rx.Number(value=4, elem_id="n"), outputs=rx.Text(elem_id="out"), trigger="load")
    def work(n: float, progress: rx.Progress = rx.Progress()) -> str:  # noqa: B008
        for _ in progress.tqdm(range(int(n)), desc="working"):
            time.sleep(0.03)
        return "done"

    async with AppTester(app) as page:
        assert await page.wait_status("work", "done")
        reports = [e for e in page.page.applied if e["t"] == "progress"]
        assert reports, "no progress reached the page"
        assert all(r["f"] == "work" and r["msg"] == "working" and r["n"] == 4 for r in reports)
        fractions = [r["p"] for r in reports]
        assert fractions == sorted(fractions)
        assert fractions[-1] == 1.0
        assert any("eta" in r for r in reports)
        # progress is sent before the final status, never after it
        kinds = [e["t"] for e in page.page.applied if e.get("f") == "work"]
        assert kinds[-1] == "status"


async def test_a_burst_of_reports_is_conflated() -> None:
    app = rx.App()

    @app.fn(inputs=[], outputs=rx.Text(elem_id="out"), trigger="load")
    async def burst(progress: rx.Progress = rx.Progress()) -> AsyncIterator[str]:  # noqa: B008
        for i in range(1000):
            progress((i + 1) / 1000)
        yield "x"
        await asyncio.sleep(0.05)

    async with AppTester(app) as page:
        assert await page.wait_status("burst", "done")
        reports = [e for e in page.page.applied if e["t"] == "progress"]
        assert 1 <= len(reports) <= 3
        assert reports[-1]["p"] == 1.0

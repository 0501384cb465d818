"""run_in="process": a superseded call's worker is killed, so only the newest call finishes."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

import reactive as rx
from reactive.testing import AppTester
from tests.session import process_app


@pytest.fixture
def runs_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RX_TEST_RUNS_DIR", str(tmp_path))  # inherited by the fork server
    return tmp_path


def recorded(folder: Path, kind: str) -> list[str]:
    return sorted(p.read_text() for p in folder.glob(f"{kind}-*"))


async def started(folder: Path, count: int, timeout: float = 5.0) -> bool:
    """Poll until ``count`` calls have recorded their start (a file each, from the worker)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while len(recorded(folder, "started")) < count:
        if loop.time() > deadline:
            return False
        await asyncio.sleep(0.005)
    return True


async def test_typing_into_a_process_function_kills_every_superseded_call(runs_dir: Path) -> None:
    async with AppTester(process_app.app) as page:
        for i in range(1, 11):
            await page.input("q", "k" * i)
            # the next key only once this call runs in its worker: superseding it kills one
            assert await started(runs_dir, i)
        assert await page.wait_value("out", "K" * 10)
        assert recorded(runs_dir, "finished") == ["k" * 10]  # the nine others were killed
        assert page.session is not None
        pool = page.session.workers.pool
        assert pool is not None
        assert pool.statistics().killed >= 9


async def test_a_process_generator_streams_every_value_from_a_worker(runs_dir: Path) -> None:
    async with AppTester(process_app.app) as page:
        await page.click("go")
        assert await page.wait_status("count", "done")
        shown = [e["v"] for e in page.page.applied if e["t"] == "update" and e["c"] == "count"]
        steps = [int(text.split(" in ")[0]) for text in shown]
        assert steps[-1] == 2  # a text output may skip an intermediate value, never the last
        assert steps == sorted(set(steps))
        assert all(text.split(" in ")[1] != str(os.getpid()) for text in shown)


async def test_errors_in_a_process_show_on_the_outputs_and_the_session_goes_on(
    runs_dir: Path,
) -> None:
    async with AppTester(process_app.app) as page:
        await page.input("bad", "boom")
        assert await page.wait_status("picky", "error")
        assert page.page.status["picky"]["msg"] == "No booms, please."
        await page.input("bad", "lambda")
        assert await page.wait_status("picky", "error")
        await page.input("bad", "fine")
        assert await page.wait_value("bad_out", "fine")


def test_run_in_process_refuses_what_a_worker_cannot_run() -> None:
    app = rx.App()
    with pytest.raises(rx.DefinitionError, match="top level of a module"):

        @app.fn(inputs=rx.Textbox(), outputs=rx.Text(), run_in="process")
        def nested(q: str) -> str:
            return q

    with pytest.raises(rx.DefinitionError, match="sync functions and generators"):

        @app.fn(inputs=rx.Textbox(), outputs=rx.Text(), run_in="process")
        async def coroutine(q: str) -> str:
            return q

    with pytest.raises(rx.DefinitionError, match="'thread' or 'process'"):

        @app.fn(inputs=rx.Textbox(), outputs=rx.Text(), run_in="gpu")
        def wrong(q: str) -> str:
            return q

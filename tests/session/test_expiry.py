"""A detached session expires: runs stopped after run_grace, then closed after grace."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import reactive as rx
from reactive.session.manager import SessionManager
from reactive.testing import AppTester
from tests.session.polling import poll


async def test_a_detached_session_stops_its_runs_then_closes_and_removes_its_files() -> None:
    app = rx.App()
    closed = threading.Event()
    paths: list[str] = []

    @app.fn(inputs=[], outputs=rx.Text(elem_id="tick"), trigger=rx.Button(elem_id="go"))
    def forever() -> Iterator[str]:
        try:
            for i in range(100_000):
                time.sleep(0.01)
                yield str(i)
        finally:
            closed.set()

    @app.fn(inputs=rx.File(elem_id="doc"), outputs=rx.Text(elem_id="name"), live=True)
    def keep(path: str) -> str:
        paths.append(path)
        return Path(path).name

    manager = SessionManager(app, grace=1.0, run_grace=0.2)
    async with AppTester(app, manager=manager) as page:
        await page.input("doc", {"name": "notes.txt", "mime": "text/plain", "data": b"hello"})
        assert await page.wait_value("name", "notes.txt")
        folder = Path(paths[-1]).parent
        assert await asyncio.to_thread(folder.is_dir)
        await page.click("go")
        assert await page.wait_status("forever", "running")
        session = page.session
        assert session is not None
        loop = asyncio.get_running_loop()
        gone = loop.time()
        page.disconnect()

        assert await asyncio.to_thread(closed.wait, 5)  # run_grace passed: the run was stopped
        stopped = loop.time() - gone
        assert stopped >= 0.2
        assert session.scheduler.active_run("forever") is None
        assert not session.closed  # the values wait for a page that comes back, until grace
        assert len(manager) == 1

        assert await poll(lambda: session.closed, timeout=5)  # grace passed: closed
        assert loop.time() - gone >= 1.0
        assert await poll(lambda: not folder.exists(), timeout=5)  # its uploads removed
        assert len(manager) == 0
        async with AppTester(app, manager=manager, session_id=session.id) as late:
            assert late.welcome["resumed"] is False  # too late to resume
            assert late.welcome["session"] != session.id

"""Issue 9, item 10: after a batch of connect → stream → abort cycles, a second batch grows nothing.

In process, through :class:`AppTester` and one :class:`SessionManager` (as the server has): each
cycle opens a session, uploads a small file (the session's upload folder), starts a text stream
from a sync generator (worker threads) and, every tenth cycle, a video stream (an ffmpeg
encoder), then drops the socket mid-stream. The sessions expire after a short grace period.
A census (tasks, threads, fds, child processes, temp files, objects by type) after the first
batch and after the second must match, and the worker threads end once idle
(``threads.IDLE_THREAD_SECONDS``, lowered here) so the thread count returns to its idle value.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

import reactive as rx
from reactive.scheduler import threads
from reactive.session.manager import SessionManager
from reactive.testing import AppTester
from tests.media import generate
from tests.session.census import Before, Census, grown, take
from tests.session.polling import poll

CYCLES = 200
AT_ONCE = 10  # cycles run side by side
IDLE_SECONDS = 0.2


def streaming_app() -> rx.App:
    app = rx.App()

    @app.fn(
        inputs=rx.Textbox(elem_id="word"),
        outputs=rx.Text(elem_id="text"),
        trigger=rx.Button("Go", elem_id="go"),
    )
    def tokens(word: str) -> Iterator[str]:  # sync: runs in worker threads
        text = ""
        for i in range(100_000):
            text += f"{word}{i} "
            yield text
            time.sleep(0.002)

    @app.fn(inputs=rx.File(elem_id="doc"), outputs=rx.Text(elem_id="doc_name"), live=True)
    def doc_name(path: str | None) -> str:
        return "none" if path is None else Path(path).name

    @app.fn(
        inputs=[],
        outputs=rx.Video(streaming=True, elem_id="film"),
        trigger=rx.Button("Roll", elem_id="roll"),
    )
    async def film() -> AsyncIterator[Any]:  # an ffmpeg encoder per stream
        for i in range(100_000):
            yield generate.frames(16, 16, 2, i)
            await asyncio.sleep(0.02)

    return app


async def cycle(app: rx.App, manager: SessionManager, index: int) -> None:
    """Connect, upload, stream, and drop the socket mid-stream (no close, no cancel)."""
    page = AppTester(app, manager=manager)
    await page.__aenter__()  # not `async with`: its exit would close every session at once
    await page.input("doc", {"name": f"n{index}.txt", "mime": "text/plain", "data": b"x" * 100})
    assert await page.wait_value("doc_name", f"n{index}.txt")
    await page.input("word", f"w{index}-")
    await page.click("go")
    assert await page.wait_until(lambda: f"w{index}-1 " in str(page.page.values.get("text")))
    if index % 10 == 0:
        await page.click("roll")
        chunks = lambda: any(e["t"] == "chunk" and e["c"] == "film" for e in page.page.applied)  # noqa: E731
        assert await page.wait_until(chunks, timeout=10)
    page.disconnect()


async def batch(app: rx.App, manager: SessionManager, cycles: int) -> None:
    for start in range(0, cycles, AT_ONCE):
        await asyncio.gather(*(cycle(app, manager, i) for i in range(start, start + AT_ONCE)))


async def settled(manager: SessionManager, temp: Path, before: Before) -> Census:
    """The census once every dropped session has expired and its threads have gone idle."""

    def quiet() -> bool:
        census = take(len(asyncio.all_tasks()), temp, before)
        return (
            len(manager) == 0
            and census.tasks == 1  # this test's own task
            and not census.worker_threads()
            and not census.children
            and not census.temp
        )

    await poll(quiet, timeout=15, every=0.05)
    return take(len(asyncio.all_tasks()), temp, before)


async def test_a_second_batch_of_aborted_streams_grows_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(threads, "IDLE_THREAD_SECONDS", IDLE_SECONDS)
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # the sessions' upload folders go here
    app = streaming_app()
    manager = SessionManager(app, grace=0.05)  # a dropped page's session expires at once
    before = Before.now()  # threads and children of earlier tests are not counted
    try:
        await batch(app, manager, AT_ONCE)  # warm-up: imports, caches, the loop's executor
        idle = await settled(manager, temp, before)
        await batch(app, manager, CYCLES)
        first = await settled(manager, temp, before)
        await batch(app, manager, CYCLES)
        second = await settled(manager, temp, before)
    finally:
        await manager.close_all()

    for census in (idle, first, second):
        assert census.tasks == 1
        assert census.worker_threads() == []  # every worker thread ended once idle
        assert census.children == ()
        assert census.zombies == 0
        assert census.temp == ()  # every session's upload folder removed
    assert first.threads == idle.threads  # the thread count returns to its idle value
    assert second.threads == idle.threads
    assert second.fds == first.fds
    # 200 cycles: a leak of one object per cycle would show as 200 more of its type.
    assert grown(first.objects, second.objects, by=CYCLES // 10) == {}

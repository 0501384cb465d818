"""Stopping stale work safely, through a real session: honest thread budgets and
concurrency limits, nothing of a superseded run on the page, every= ticks, resume, close."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pytest

import reactive as rx
from reactive.components.image import Image
from reactive.scheduler import threads
from reactive.session import session as session_module
from reactive.session.manager import SessionManager
from reactive.testing import AppTester
from tests.session.computing import compute


class Calls:
    """Counts calls running at once (from worker threads) and the most ever seen."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.running = 0
        self.peak = 0
        self.started: list[str] = []

    def enter(self, value: str) -> None:
        with self._changed:
            self.running += 1
            self.peak = max(self.peak, self.running)
            self.started.append(value)
            self._changed.notify_all()

    def leave(self) -> None:
        with self._changed:
            self.running -= 1
            self._changed.notify_all()

    @contextmanager
    def counted(self, value: str) -> Iterator[None]:
        """Count the call of ``value`` as running inside the block."""
        self.enter(value)
        try:
            yield
        finally:
            self.leave()

    async def wait_running(self, count: int, timeout: float = 5.0) -> bool:
        """Wait (in a helper thread) until ``count`` calls run at once."""

        def wait() -> bool:
            with self._changed:
                return self._changed.wait_for(lambda: self.running >= count, timeout)

        return await asyncio.to_thread(wait)


def blocking_app(calls: Calls, release: threading.Event, **options: Any) -> rx.App:
    app = rx.App(max_threads_per_session=options.pop("threads", 8))

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True, **options)
    def block(q: str) -> str:
        with calls.counted(q):
            release.wait(10)  # a C call nobody can stop: time.sleep, a model, a kernel
            return q.upper()

    return app


async def test_fifty_keystrokes_into_blocking_code_never_exceed_the_thread_budget() -> None:
    calls, release = Calls(), threading.Event()
    app = blocking_app(calls, release)
    async with AppTester(app) as page:
        assert page.session is not None
        for i in range(50):
            await page.input("q", f"k{i}")
            if i < 8:  # each takes a thread (the next key would supersede it before it started)
                assert await calls.wait_running(i + 1)
        assert await calls.wait_running(8)
        assert page.session.threads.busy == 8  # counted until the calls really return
        assert calls.peak == 8
        release.set()
        # Only the newest input waited for a thread, and it started once one freed.
        assert await page.wait_value("out", "K49")
        assert calls.started[-1] == "k49"
        assert len(calls.started) == 9
        assert calls.peak <= 8
        shown = [e["v"] for e in page.page.applied if e["t"] == "update" and e["c"] == "out"]
        assert shown == ["K49"]  # nothing of the 49 superseded calls reached the page


async def test_concurrency_limit_counts_a_superseded_call_until_it_returns() -> None:
    calls, release = Calls(), threading.Event()
    app = blocking_app(calls, release, concurrency_limit=1)
    async with AppTester(app) as page:
        await page.input("q", "k0")
        assert await calls.wait_running(1)  # k0 holds the one slot
        for i in range(1, 20):
            await page.input("q", f"k{i}")
        assert await page.wait_status("block", "queued")  # the newest waits for the slot
        assert calls.running == 1
        release.set()
        assert await page.wait_value("out", "K19")
        assert calls.peak == 1  # a GPU model would never see two calls at once
        assert calls.started == ["k0", "k19"]


async def test_a_superseding_keystroke_costs_one_batch_with_only_the_newer_runs_status() -> None:
    calls, release = Calls(), threading.Event()
    app = blocking_app(calls, release, threads=2)
    async with AppTester(app) as page:
        await page.input("q", "k0")
        assert await calls.wait_running(1)
        assert await page.wait_status("block", "running")

        def more_batches_than(seen: int) -> Callable[[], bool]:
            return lambda: page.batches > seen

        for i in range(1, 6):  # k1 takes the second thread; k2..k5 queue, each the newest
            batches = page.batches
            await page.input("q", f"k{i}")
            expected = "running" if i == 1 else "queued"
            assert await page.wait_until(more_batches_than(batches))
            if i == 1:
                assert await calls.wait_running(2)
            (batch,) = page.events[-1:]
            assert (batch["t"], batch["r"], batch["s"]) == ("status", i + 1, expected)
            assert page.transport.messages.empty()  # nothing else came: one batch per key
        assert not [e for e in page.events if e["t"] == "status" and e["s"] == "cancelled"]
        # An explicit stop is not a supersede: its "cancelled" goes out at once, on its own.
        batches = page.batches
        await page.send({"t": "cancel", "f": "block"})
        assert await page.wait_until(more_batches_than(batches))
        assert [(e["s"], e["r"]) for e in page.events[-1:]] == [("cancelled", 6)]
        release.set()
        assert page.session is not None
        await asyncio.wait_for(page.session.threads.wait_idle(), 5)
        assert not [e for e in page.events if e["t"] == "update"]  # no superseded value shown


async def test_a_blocked_session_does_not_delay_another_sessions_function() -> None:
    calls, release = Calls(), threading.Event()
    app = blocking_app(calls, release)

    @app.fn(inputs=rx.Textbox(elem_id="t"), outputs=rx.Text(elem_id="shout"), live=True)
    def shout(t: str) -> str:
        return t.upper()

    manager = SessionManager(app)
    hammers = [AppTester(app, manager=manager) for _ in range(9)]
    try:
        for hammer in hammers:
            await hammer.__aenter__()
            for i in range(10):
                expected = calls.running + 1
                await hammer.input("q", f"k{i}")
                if i < 8:  # a thread each, until the session's budget of 8 is full
                    assert await calls.wait_running(expected)
        assert calls.running == 72
        async with AppTester(app, manager=manager) as bystander:
            await bystander.input("t", "hi")
            assert await bystander.wait_value("shout", "HI")
            assert calls.running == 72  # served while 72 threads were blocked
    finally:
        release.set()
        await manager.close_all()


async def test_a_computing_function_runs_one_call_per_session_while_a_stale_one_ends() -> None:
    calls = Calls()
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def crunch(q: str) -> str:  # pure Python: a stale call left running shares the GIL
        with calls.counted(q):
            compute(0.05)
            return q.upper()

    async with AppTester(app) as page:
        await page.input("q", "warm")
        assert await page.wait_value("out", "WARM")  # its first call shows it computes
        await page.input("q", "k0")
        assert await calls.wait_running(1)
        for i in range(1, 6):  # typed while k0 computes: each supersedes the one before
            await page.input("q", f"k{i}")
        assert await page.wait_status("crunch", "queued")  # k5 waits for k0's thread to end
        assert await page.wait_value("out", "K5")
        assert calls.peak == 1  # never two at once: the new call had the GIL to itself
        assert calls.started == ["warm", "k0", "k5"]


async def test_a_computing_functions_stale_call_that_hangs_does_not_block_it_for_good(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(threads, "HEAVY_WAIT_SECONDS", 0.2)
    calls, stuck = Calls(), threading.Event()
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def crunch(q: str) -> str:
        with calls.counted(q):
            compute(0.03)
            if q == "hang":
                stuck.wait(10)  # a stale call that never ends (a lock nobody releases)
            return q.upper()

    async with AppTester(app) as page:
        try:
            await page.input("q", "warm")
            assert await page.wait_value("out", "WARM")  # it computes: new calls wait
            await page.input("q", "hang")
            assert await calls.wait_running(1)
            await page.input("q", "next")  # waits for "hang" at most its bound, then runs
            assert await page.wait_status("crunch", "queued")
            assert await page.wait_value("out", "NEXT")
            assert calls.running == 1  # "hang" still runs; "next" ran beside it once it waited
        finally:
            stuck.set()


async def test_two_computing_closures_of_one_factory_never_wait_for_each_other() -> None:
    calls, release = Calls(), threading.Event()
    app = rx.App()

    def make(name: str) -> Callable[[str], str]:
        def crunch(q: str) -> str:  # one qualname for both: the label they share
            with calls.counted(f"{name}:{q}"):
                compute(0.03)
                if q != "warm":
                    release.wait(10)  # A's call holds its thread while B's is asked for
                return q.upper()

        return crunch

    for name in ("a", "b"):
        app.fn(
            inputs=rx.Textbox(elem_id=f"{name}_q"),
            outputs=rx.Text(elem_id=f"{name}_out"),
            live=True,
        )(make(name))

    async with AppTester(app) as page:
        try:
            await page.input("a_q", "warm")
            assert await page.wait_value("a_out", "WARM")  # the shared label computes
            await page.input("a_q", "x")
            assert await calls.wait_running(1)
            await page.input("b_q", "y")  # another function: it is not A's stale call
            assert await calls.wait_running(2)
        finally:
            release.set()
        assert await page.wait_value("b_out", "Y")
        assert not [e for e in page.events if e["t"] == "status" and e["s"] == "queued"]


async def test_a_burst_into_a_new_computing_function_starts_one_call_at_a_time() -> None:
    calls, release, computed = Calls(), threading.Event(), threading.Event()
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def block(q: str) -> str:  # its own qualname: no call of it has returned yet, ever
        with calls.counted(q):
            start, deadline = time.thread_time(), time.monotonic() + 10
            while not release.is_set() and time.monotonic() < deadline:
                if time.thread_time() - start >= 0.03:
                    computed.set()  # past what tells a computing call from a waiting one
            return q.upper()

    async with AppTester(app) as page:
        try:
            await page.input("q", "k0")
            assert await asyncio.to_thread(computed.wait, 5)
            for i in range(1, 10):  # before any call returned: each waits for the one before
                await page.input("q", f"k{i}")
            assert await page.wait_status("block", "queued")
            assert calls.running == 1
        finally:
            release.set()
        assert await page.wait_value("out", "K9")
        assert calls.started == ["k0", "k9"]  # the waiting ones were superseded unstarted


async def test_a_stale_runs_conversion_error_never_replaces_the_newer_runs_status(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    converting, convert = threading.Event(), threading.Event()
    original = Image.postprocess

    def slow_postprocess(self: Image, value: Any) -> Any:
        converting.set()
        convert.wait(5)  # hold run 1's conversion until run 2 is running
        return original(self, value)

    monkeypatch.setattr(Image, "postprocess", slow_postprocess)
    app = rx.App()
    go = threading.Event()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=Image(elem_id="img"), live=True)
    def draw(q: str) -> Any:
        if q == "bad":
            return b"not an image"
        go.wait(5)
        return np.zeros((4, 4, 3), dtype=np.uint8)

    async with AppTester(app) as page:
        assert page.session is not None
        scheduler = page.session.scheduler
        await page.input("q", "bad")
        assert await asyncio.to_thread(converting.wait, 5)  # run 1 done, its value converting
        await page.input("q", "good")
        assert scheduler.statistics().active == 1  # run 2 was submitted as the input arrived
        convert.set()  # run 1's value fails to convert now, while run 2 runs
        assert await page.wait_status("draw", "running")
        go.set()
        assert await page.wait_status("draw", "done")
        errors = [e for e in page.page.applied if e["t"] == "status" and e["s"] == "error"]
        assert errors == []


async def test_every_skips_a_tick_while_the_previous_run_is_busy_and_shows_each_result() -> None:
    app = rx.App()
    runs: list[int] = []

    @app.fn(inputs=[], outputs=rx.Text(elem_id="tick"), every=0.2)
    def tick() -> str:
        runs.append(len(runs))
        time.sleep(0.3)  # slower than the period
        return f"tick {len(runs)}"

    async with AppTester(app) as page:
        assert await page.wait_value("tick", "tick 3", timeout=5)
        cancelled = [e for e in page.page.applied if e["t"] == "status" and e["s"] == "cancelled"]
        assert cancelled == []


async def test_a_resume_takes_over_while_the_old_socket_still_counts_as_attached() -> None:
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="text"), outputs=rx.Text(elem_id="shout"), live=True)
    def shout(text: str) -> str:
        return text.upper()

    manager = SessionManager(app, grace=5)
    async with AppTester(app, manager=manager) as first:
        await first.input("text", "kept")
        assert await first.wait_value("shout", "KEPT")
        assert first.session is not None
        # No disconnect: the server has not noticed the old socket go.
        async with AppTester(app, manager=manager, session_id=first.session.id) as second:
            assert second.welcome["resumed"] is True
            assert second.session is first.session
            assert first.transport.close_code == 4001  # the old socket was told why
            await first.input("text", "ghost")  # the replaced socket is not heard
            await second.input("text", "new")
            assert await second.wait_value("shout", "NEW")
            first.disconnect()  # the old socket's close does not detach the new page
            await second.input("text", "newer")
            assert await second.wait_value("shout", "NEWER")


async def test_close_waits_for_threads_then_names_the_function_that_would_not_end(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(session_module, "CLOSE_TIMEOUT_SECONDS", 0.2)
    calls, release = Calls(), threading.Event()
    app = blocking_app(calls, release)
    try:
        with caplog.at_level(logging.WARNING, logger="reactive"):
            async with AppTester(app) as page:
                await page.input("q", "stuck")
                assert await calls.wait_running(1)
        assert "blocking_app.<locals>.block()" in caplog.text
        assert "rx.checkpoint()" in caplog.text
    finally:
        release.set()


async def test_a_value_that_fails_to_convert_leaves_its_run_in_error_even_after_done() -> None:
    app = rx.App()
    go = threading.Event()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=Image(elem_id="img"), live=True)
    def frames(q: str) -> Iterator[Any]:
        yield b"not an image"  # converted by the writer, in a thread: it fails there
        assert go.wait(5)
        yield np.zeros((4, 4, 3), dtype=np.uint8)

    @app.fn(inputs=rx.Textbox(elem_id="ping"), outputs=rx.Text(elem_id="pong"), live=True)
    def pong(text: str) -> str:
        return text

    async with AppTester(app) as page:
        await page.input("q", "go")
        assert await page.wait_status("frames", "error")
        go.set()  # the run goes on and ends: its "done" must not hide the error
        assert page.session is not None
        await asyncio.wait_for(page.session.scheduler.wait_idle(), 5)
        await page.input("ping", "after")
        assert await page.wait_value("pong", "after")  # all that was queued before has arrived
        status = page.page.status["frames"]
        assert status["s"] == "error"
        assert "not an image" in status["msg"]

"""Stale work stopped safely, as a person typing fast into blocking and locking code sees it."""

from __future__ import annotations

import queue
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

import reactive as rx
from tests.browser.conftest import Serve, open_app, screenshot
from tests.browser.test_core import RECORD_TEXTS
from tests.session import process_app
from tests.session.computing import compute


class Calls:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.running = self.peak = 0

    def enter(self) -> None:
        with self._changed:
            self.running += 1
            self.peak = max(self.peak, self.running)
            self._changed.notify_all()

    def leave(self) -> None:
        with self._changed:
            self.running -= 1
            self._changed.notify_all()

    def wait_running(self, count: int, timeout: float = 10.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self.running >= count, timeout)


def test_fast_typing_into_blocking_code_keeps_the_budget_and_serves_another_page(
    page: Page, browser: Browser, serve: Serve
) -> None:
    calls, release = Calls(), threading.Event()
    app = rx.App(title="Blocking")

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def slow_model(q: str) -> str:
        calls.enter()
        try:
            release.wait(10)  # stands for time.sleep(5): a call nobody can stop
            return q.upper()
        finally:
            calls.leave()

    @app.fn(inputs=rx.Textbox(elem_id="t"), outputs=rx.Text(elem_id="shout"), live=True)
    def shout(t: str) -> str:
        return t.upper()

    url = serve(app)
    open_app(page, url)
    page.locator("#q input").press_sequentially("abcdefghijklmnopqrstuvwxyz" * 2, delay=10)
    assert calls.wait_running(8)
    other = browser.new_context().new_page()
    try:
        open_app(other, url)
        other.locator("#t input").press_sequentially("hi")
        expect(other.locator("#shout .rx-value")).to_have_text("HI")
        assert calls.running == 8  # served while the first page's 8 threads were blocked
    finally:
        release.set()
        other.context.close()
    expect(page.locator("#out .rx-value")).to_have_text("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 2)
    assert calls.peak == 8  # one session never held more than its 8 threads
    screenshot(page, "stale-work-blocking")


def test_fast_typing_into_pure_python_code_runs_one_call_at_a_time_and_shows_the_last(
    page: Page, serve: Serve
) -> None:
    calls = Calls()
    app = rx.App(title="Computing")

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def tokenize(q: str) -> str:  # pure Python, 60 ms of CPU: a stale call shares the GIL
        calls.enter()
        try:
            compute(0.06)
            return q.upper()
        finally:
            calls.leave()

    open_app(page, serve(app))
    page.locator("#q input").press_sequentially("a", delay=0)
    expect(page.locator("#out .rx-value")).to_have_text("A")  # its first call: it computes
    page.locator("#q input").press_sequentially("bcdefghijklmnop", delay=15)
    expect(page.locator("#out .rx-value")).to_have_text("ABCDEFGHIJKLMNOP")
    assert calls.peak == 1  # each new call waited for the superseded one: never two at once
    screenshot(page, "stale-work-computing")


def test_fast_typing_into_lock_and_queue_code_leaves_them_intact(page: Page, serve: Serve) -> None:
    tokens: queue.Queue[int] = queue.Queue(maxsize=4)
    for token in range(4):
        tokens.put(token)
    lock = threading.Lock()
    app = rx.App(title="Locks")

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def careful(q: str) -> str:
        token = tokens.get(timeout=5)
        try:
            with lock:
                deadline = time.perf_counter() + 0.005 * (1 + len(q) % 4)
                while time.perf_counter() < deadline:  # pure-Python work, stopped mid-way
                    pass
                return q[::-1]
        finally:
            tokens.put(token)

    @app.fn(
        inputs=[], outputs=rx.Text(elem_id="health"), trigger=rx.Button("Check", elem_id="check")
    )
    def check() -> str:
        free = lock.acquire(timeout=1)
        if free:
            lock.release()
        mutex = tokens.mutex.acquire(timeout=1)
        if mutex:
            tokens.mutex.release()
        lock_state, mutex_state = ("free" if free else "held"), ("free" if mutex else "stuck")
        return f"tokens={tokens.qsize()} lock={lock_state} mutex={mutex_state}"

    open_app(page, serve(app))
    typed = "the quick brown fox jumps over the lazy dog " * 3
    page.locator("#q input").press_sequentially(typed, delay=2)
    expect(page.locator("#out .rx-value")).to_have_text(typed[::-1])
    page.locator("#check").get_by_role("button").click()
    expect(page.locator("#health .rx-value")).to_have_text("tokens=4 lock=free mutex=free")


def test_typing_into_a_process_function_shows_only_the_newest_call(
    page: Page, serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RX_TEST_RUNS_DIR", str(tmp_path))  # set before the server's pool starts
    open_app(page, serve(process_app.app))
    page.evaluate(RECORD_TEXTS, "#out .rx-value")
    page.locator("#q input").press_sequentially("superseded", delay=30)
    expect(page.locator("#out .rx-value")).to_have_text("SUPERSEDED")
    expect(page.locator("#out")).to_have_attribute("data-status", "idle")
    finished = [p.read_text() for p in tmp_path.glob("finished-*")]
    assert finished == ["superseded"]  # every earlier call's worker was killed mid-sleep
    assert page.evaluate("window.__seen").count("SUPERSEDED") >= 1
    assert all(text in ("", "SUPERSEDED") for text in page.evaluate("window.__seen"))

"""A server killed mid-stream (kill -9) and started again: the page reconnects by itself, says it
started afresh, and works (issue 9, item 11)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import open_app
from tests.test_cli import ROOT, free_port, page_with

APP = """
import time
import reactive as rx

app = rx.App(title="chaos")

@app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
def shout(q):
    return q.upper()

@app.fn(inputs=[], outputs=rx.Text(elem_id="ticks"), trigger=rx.Button("Tick", elem_id="tick"))
def ticks():
    for i in range(100000):
        time.sleep(0.05)
        yield str(i)
"""


def start(app_file: Path, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "reactive", "run", str(app_file), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        start_new_session=True,
    )


def kill(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)


@pytest.fixture
def app_file(tmp_path: Path) -> Path:
    path = tmp_path / "chaos_app.py"
    path.write_text(APP)
    return path


def test_a_killed_server_comes_back_and_the_page_says_it_started_afresh(
    page: Page, app_file: Path
) -> None:
    port = free_port()
    server = start(app_file, port)
    try:
        assert page_with(port, "chaos")
        open_app(page, f"http://127.0.0.1:{port}/")
        page.locator("#q input").fill("before")
        expect(page.locator("#out .rx-value")).to_have_text("BEFORE")
        page.locator("#tick button").click()
        page.wait_for_function(  # streaming when killed (a tick every 50 ms: no exact value)
            "() => Number(document.querySelector('#ticks .rx-value')?.textContent) >= 3"
        )
        kill(server)  # kill -9 mid-stream: no goodbye, no close frame
        expect(page.locator("html")).to_have_attribute("data-rx-state", "reconnecting")
        server = start(app_file, port)
        expect(page.locator("html")).to_have_attribute("data-rx-state", "ready", timeout=20_000)
        expect(page.locator(".rx-toast")).to_contain_text("started afresh")
        page.locator("#q input").fill("after")
        expect(page.locator("#out .rx-value")).to_have_text("AFTER")  # a working new session
    finally:
        kill(server)

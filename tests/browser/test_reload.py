"""``reactive run --reload`` as a person sees it: an app file edited while its page is open.

The page updates itself, keeps what was typed, shows a broken save, and recovers on the next
good one; the old app's runs do not outlive the reload.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import open_app

ROOT = Path(__file__).parent.parent.parent

APP = """
import time
import reactive as rx

app = rx.App(title="Reloading")

@app.fn(inputs=rx.Textbox(label="{label}", elem_id="name"),
        outputs=rx.Text(elem_id="greeting"), live=True)
def greet(name):
    return "{greeting} " + name

@app.fn(inputs=[], outputs=rx.Text(elem_id="ticks"), trigger=rx.Button("Tick", elem_id="tick"))
def tick():
    for n in range(100_000):
        with open({ticks!r}, "a") as out:
            out.write("x")
        yield str(n)
        time.sleep(0.05)
"""


class Served:
    """``reactive run APP --reload --port 0`` in its own process group; its output collected."""

    def __init__(self, app_file: Path) -> None:
        self.lines: list[str] = []
        self.seen = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reactive", "run", str(app_file), "--reload", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            start_new_session=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.seen:
                self.lines.append(line)
                self.seen.notify_all()

    def wait_for(self, pattern: str, timeout: float = 20) -> re.Match[str]:
        with self.seen:
            found: list[re.Match[str]] = []

            def match() -> bool:
                found[:] = [m for m in map(re.compile(pattern).search, self.lines) if m]
                return bool(found)

            assert self.seen.wait_for(match, timeout), f"no {pattern!r} in {self.lines}"
            return found[-1]

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.reader.join(5)
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Served, Path, Path]]:
    app_file, ticks = tmp_path / "app.py", tmp_path / "ticks.txt"
    app_file.write_text(APP.format(label="First label", greeting="Hello", ticks=str(ticks)))
    server = Served(app_file)
    try:
        yield server, app_file, ticks
    finally:
        server.stop()


def test_an_edited_app_updates_the_open_page_and_keeps_its_inputs(
    page: Page, served: tuple[Served, Path, Path]
) -> None:
    server, app_file, ticks = served
    url = server.wait_for(r"at (http://\S+)").group(1)
    open_app(page, url)
    page.locator("#name input").fill("Ada")
    expect(page.locator("#greeting .rx-value")).to_have_text("Hello Ada")
    page.locator("#tick").get_by_role("button").click()
    expect(page.locator("#ticks .rx-value")).to_have_text(re.compile(r"[1-9]"))

    app_file.write_text(APP.format(label="Second label", greeting="Bye", ticks=str(ticks)))
    expect(page.locator("#name")).to_contain_text("Second label")  # no refresh by hand
    expect(page.locator("#greeting .rx-value")).to_have_text("Bye Ada")  # the new body ran
    expect(page.locator("#name input")).to_have_value("Ada")

    app_file.write_text("import reactive as rx\napp = rx.App(title='broken'\n")
    expect(page.locator("#rx-reload-error")).to_contain_text("SyntaxError")
    server.wait_for(r"SyntaxError")  # and in the terminal
    ticked = ticks.read_text()  # the first app closed before the broken one was swapped in

    app_file.write_text(APP.format(label="Third label", greeting="Again", ticks=str(ticks)))
    expect(page.locator("#greeting .rx-value")).to_have_text("Again Ada")
    expect(page.locator("#name input")).to_have_value("Ada")
    expect(page.locator("#name")).to_contain_text("Third label")
    server.wait_for(r"reloaded 'Reloading'")
    assert ticks.read_text() == ticked, "a run of the first app outlived its reload"

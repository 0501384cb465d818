"""Browser tests: Debian's Chromium driven by Playwright, against apps served on loopback."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

import reactive as rx
from reactive.cli import background_server

#: The page's socket URL (``/ws?session=<route key>``), for ``page.route_web_socket``.
SOCKET_URL = re.compile(r"/ws(\?|$)")
CHROMIUM = os.environ.get("REACTIVE_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--autoplay-policy=no-user-gesture-required",
]
ARTIFACTS = Path(__file__).parent.parent.parent / "test-artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`.")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
    yield browser
    browser.close()


#: The fake microphone's tone (tests.media.generate: 440 Hz) is written at this rate.
FAKE_MIC_RATE = 48000


@pytest.fixture(scope="module")
def fake_devices(
    playwright: Playwright, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Browser]:
    """Chromium with a fake camera and a fake microphone playing a known tone, no prompts."""
    from tests.media import generate

    wav = generate.write_wav(tmp_path_factory.mktemp("fake-mic") / "tone.wav", FAKE_MIC_RATE, 10.0)
    args = [
        *ARGS,
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-audio-capture={wav}",
    ]
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
    yield browser
    browser.close()


@pytest.fixture
def fpage(fake_devices: Browser) -> Iterator[Page]:
    """A checked page in the fake-device Chromium."""
    yield from checked_page(fake_devices)


Serve = Callable[[rx.App], str]


@pytest.fixture
def serve() -> Iterator[Serve]:
    """Serve an app on a free loopback port for the test; returns its URL."""
    with ExitStack() as stack:
        yield lambda app: stack.enter_context(background_server(app))


def checked_page(browser: Browser) -> Iterator[Page]:
    """A page in its own context; the test fails if the page threw an uncaught error."""
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"uncaught errors in the page: {errors}"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    yield from checked_page(browser)


def open_app(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("html[data-rx-state=ready]")


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

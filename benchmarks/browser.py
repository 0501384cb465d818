"""Headless Chromium through Playwright, and the count of bytes a page receives on its sockets."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, WebSocket

from benchmarks.page_probes import INSTALL

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
# A selector, not a JS predicate: reactive's CSP forbids eval, which Playwright's polling of a
# string predicate needs whenever the page is not ready at the first look.
READY = "html[data-rx-state=ready]"


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)


def open_page(context: BrowserContext, url: str) -> tuple[Page, WireCounter]:
    """Load ``url``, wait until the app is drawn, and install the probes."""
    page = context.new_page()
    wire = WireCounter(page)  # before the page opens its sockets
    page.goto(url)
    page.wait_for_selector(READY, timeout=15_000)
    page.evaluate(INSTALL)
    return page, wire


@dataclass(frozen=True, slots=True)
class WireTally:
    frames: int
    bytes: int
    #: JPEG and PNG pictures the frames carried (a batch may hold several); the peers'
    #: counter (benchmarks.peers.wire) leaves it at 0: their pictures mostly come over HTTP.
    pictures: int = 0


class WireCounter:
    """Counts the frames a page receives on any of its WebSockets, between start() and stop().

    Payload lengths come from Playwright's ``framereceived`` events: the message as the page
    gets it (after any permessage-deflate decompression).
    """

    def __init__(self, page: Page) -> None:
        self._counting = False
        self._frames = self._bytes = self._pictures = 0
        page.on("websocket", self._watch)

    def _watch(self, ws: WebSocket) -> None:
        ws.on("framereceived", self._received)

    def _received(self, payload: str | bytes) -> None:
        if self._counting:
            data = payload.encode() if isinstance(payload, str) else payload
            self._frames += 1
            self._bytes += len(data)
            self._pictures += sum(data.count(magic) for magic in _PICTURE_MAGIC)

    def start(self) -> None:
        self._frames = self._bytes = self._pictures = 0
        self._counting = True

    def stop(self) -> WireTally:
        self._counting = False
        return WireTally(self._frames, self._bytes, self._pictures)


#: The first bytes of a JPEG and of a PNG file (neither occurs inside a picture's data: a JPEG
#: stuffs every 0xFF of its coded data with 0x00).
_PICTURE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")

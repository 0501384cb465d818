"""Bytes a page receives on HTTP responses and WebSockets, from Chromium's CDP Network events.

Gradio streams over server-sent events and serves images as files, Streamlit fetches images
over HTTP: Playwright's ``framereceived`` (WebSockets only) would miss them. Sizes are the
payload as the page gets it (after decompression): ``dataReceived.dataLength`` and the
WebSocket frame's payload.
"""

from __future__ import annotations

import base64

from playwright.sync_api import Page

from benchmarks.browser import WireTally

TEXT_FRAME = 1


class CdpWire:
    def __init__(self, page: Page) -> None:
        self._counting = False
        self._frames = self._bytes = 0
        session = page.context.new_cdp_session(page)
        self._local: set[str] = set()  # data: and blob: loads: made in the page, not received
        session.on("Network.requestWillBeSent", self._request)
        session.on("Network.dataReceived", self._data)
        session.on("Network.webSocketFrameReceived", self._frame)
        session.send("Network.enable")
        # Each run's images are the same, and Gradio and Streamlit name files by their content:
        # the browser's cache would answer every run after the first, which a real stream of
        # new images never gets.
        session.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def _request(self, event: dict[str, object]) -> None:
        request = event.get("request")
        assert isinstance(request, dict)
        if str(request.get("url", "")).startswith(("data:", "blob:")):
            self._local.add(str(event.get("requestId")))

    def _data(self, event: dict[str, object]) -> None:
        if self._counting and event.get("requestId") not in self._local:
            length = event.get("dataLength", 0)
            self._bytes += length if isinstance(length, int) else 0

    def _frame(self, event: dict[str, object]) -> None:
        if not self._counting:
            return
        response = event.get("response")
        assert isinstance(response, dict)
        payload: str = response.get("payloadData", "")
        if response.get("opcode") == TEXT_FRAME:
            size = len(payload.encode())
        else:
            size = len(base64.b64decode(payload))
        self._frames += 1
        self._bytes += size

    def start(self) -> None:
        self._frames = self._bytes = 0
        self._counting = True

    def stop(self) -> WireTally:
        self._counting = False
        return WireTally(self._frames, self._bytes)

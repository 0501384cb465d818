"""A small page driver speaking the documented protocol over a real WebSocket (``websockets``).

It connects as the browser client does (``/ws?session=<route key>``, hello with the last session
id), applies batches to a :class:`PageModel`, acknowledges them, and reconnects when told to.
"""

from __future__ import annotations

import asyncio
import secrets
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from reactive.protocol import codec
from reactive.testing import PageModel


class Driver:
    """One page: its routing key, its session id once welcomed, and what it shows."""

    def __init__(self, port: int) -> None:
        self.url = f"ws://127.0.0.1:{port}/ws?session={secrets.token_urlsafe(16)}"
        self.session: str | None = None
        self.resumed = False
        self.page = PageModel()
        self.welcomes = 0
        self._ws: ClientConnection | None = None

    async def connect(self) -> None:
        """Open a socket and say hello (with the session id, after the first welcome)."""
        self._ws = await connect(self.url, max_size=None)
        await self._ws.send(codec.encode({"t": "hello", "v": 1, "session": self.session}))
        welcome = codec.decode(await self._ws.recv(decode=False))
        assert welcome["t"] == "welcome", welcome
        if welcome["session"] != self.session:
            self.page = PageModel()  # another session (restored elsewhere): run ids start afresh
        self.session, self.resumed = welcome["session"], welcome["resumed"]
        self.page.welcome(welcome["app"])
        self.welcomes += 1

    async def reconnect(self, timeout: float) -> None:
        """Connect again until a welcome comes back (a killed upstream may refuse at first)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            try:
                await self.connect()
                return
            except Exception:  # refused, reset, or closed before the welcome
                if loop.time() > deadline:
                    raise
                await asyncio.sleep(0.05)  # a retry backoff, as the client's

    async def input(self, component: str, value: Any) -> None:
        assert self._ws is not None
        await self._ws.send(codec.encode({"t": "input", "c": component, "v": value}))

    async def receive(self) -> dict[str, Any]:
        """The next message, applied; raises ``ConnectionClosed`` when the socket drops."""
        assert self._ws is not None
        message: dict[str, Any] = codec.decode(await self._ws.recv(decode=False))
        if message["t"] == "batch":
            for event in message["e"]:
                self.page.apply(event)
            await self._ws.send(codec.encode({"t": "ack", "n": message["n"]}))
        return message

    async def wait_value(self, component: str, value: Any, timeout: float = 5.0) -> None:
        async with asyncio.timeout(timeout):
            while self.page.values.get(component) != value:
                await self.receive()

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()

"""Where a session's bytes go: a transport (a WebSocket, or a list in tests) and its protocol."""

from __future__ import annotations

from typing import Protocol

from reactive.protocol.connection import ServerConnection


class Transport(Protocol):
    """Where a session's bytes go: a WebSocket in the server, a list in tests."""

    async def send(self, data: bytes) -> None: ...

    async def close(self, code: int, reason: str = "") -> None: ...


class Channel:
    """One socket's protocol state and transport."""

    def __init__(self, transport: Transport, connection: ServerConnection | None = None) -> None:
        self.transport = transport
        self.connection = connection or ServerConnection()

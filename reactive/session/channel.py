"""Where a session's bytes go: a transport (a WebSocket, or a list in tests) and its protocol."""

from __future__ import annotations

import logging
from typing import Protocol

from reactive.definition.event_data import RequestInfo
from reactive.errors import RemoteProtocolError
from reactive.protocol.connection import ServerConnection

log = logging.getLogger("reactive")


class Transport(Protocol):
    """Where a session's bytes go: a WebSocket in the server, a list in tests."""

    def try_send(self, data: bytes) -> bool:
        """Send ``data`` now if the transport can take it without waiting; False: not sent
        (its buffer is full, or it can only send by awaiting :meth:`send`)."""

    async def send(self, data: bytes) -> None: ...

    async def close(self, code: int, reason: str = "") -> None: ...


SERVER_ERROR = "server_error"


class Channel:
    """One socket's protocol state and transport."""

    def __init__(
        self,
        transport: Transport,
        connection: ServerConnection | None = None,
        request: RequestInfo | None = None,
    ) -> None:
        self.transport = transport
        self.connection = connection or ServerConnection()
        #: The WebSocket request's headers and client, for ``gr.Request``.
        self.request = request

    async def reject(self, exc: RemoteProtocolError) -> None:
        """Answer a bad frame with an error frame; close the socket if the error says so.

        The one place a bad frame becomes an error frame (server, manager and session call it).
        """
        log.info("Bad frame from the page: %s", exc)
        await self.transport.send(self.connection.send_error(exc))
        if exc.close_code is not None:
            self.connection.close()
            await self.transport.close(exc.close_code, str(exc)[:120])

    async def fail(self, exc: Exception, component: str | None = None) -> None:
        """Answer a message the server failed on (not the page's fault): log it, go on."""
        log.error("Handling a message from the page failed; the session goes on.", exc_info=exc)
        message = (
            f"The server could not handle this message ({type(exc).__name__}); the session "
            "goes on. The server's log has the traceback: report it to the app's author."
        )
        await self.reject(RemoteProtocolError(SERVER_ERROR, message, component))

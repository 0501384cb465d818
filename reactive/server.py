"""The Starlette app: the page, the client bundle, and one WebSocket per session.

The only module that imports Starlette. It pumps bytes between sockets and sessions and decides
nothing about the protocol.
"""

from __future__ import annotations

import html
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.websockets import WebSocket, WebSocketDisconnect

from reactive.definition.app import App
from reactive.protocol.connection import ConnectionState
from reactive.session.channel import Channel
from reactive.session.manager import DEFAULT_GRACE_SECONDS, SessionManager
from reactive.session.session import Session

log = logging.getLogger("reactive")

STATIC_DIR = Path(__file__).parent / "static"

#: The ASGI application type that ``create_app`` returns.
AsgiApp = Starlette

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/static/app.css">
</head><body><div id="rx-root"></div>
<script type="module" src="/static/app.js"></script>
</body></html>
"""


class SocketTransport:
    """A Starlette WebSocket as a session transport."""

    def __init__(self, websocket: WebSocket) -> None:
        self._websocket = websocket

    async def send(self, data: bytes) -> None:
        await self._websocket.send_bytes(data)

    async def close(self, code: int, reason: str = "") -> None:
        await self._websocket.close(code, reason)


def origin_allowed(origin: str | None, host: str | None) -> bool:
    """A browser may connect only from a page of this server (same host and port)."""
    if origin is None:
        return True  # not a browser: browsers always send Origin on WebSocket upgrades
    return host is not None and urlsplit(origin).netloc.lower() == host.lower()


def create_app(app: App, *, grace: float = DEFAULT_GRACE_SECONDS) -> Starlette:
    """The ASGI application serving ``app``."""
    sessions = SessionManager(app, grace=grace)
    page = _PAGE.format(title=html.escape(app.title))

    async def index(request: Request) -> HTMLResponse:
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})

    async def socket(websocket: WebSocket) -> None:
        if not origin_allowed(websocket.headers.get("origin"), websocket.headers.get("host")):
            log.warning("Refused a WebSocket from origin %s", websocket.headers.get("origin"))
            await websocket.close(code=1008)  # before accept: the client gets HTTP 403
            return
        await websocket.accept()
        await _pump(websocket, sessions)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await sessions.start()
        try:
            yield
        finally:
            await sessions.close_all()

    starlette = Starlette(
        routes=[
            Route("/", index),
            WebSocketRoute("/ws", socket),
            Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
        ],
        lifespan=lifespan,
    )
    starlette.state.sessions = sessions
    return starlette


async def _pump(websocket: WebSocket, sessions: SessionManager) -> None:
    channel = Channel(SocketTransport(websocket))
    session: Session | None = None
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            data = message.get("bytes")
            frame: bytes | str = data if data is not None else message.get("text", "")
            session = await sessions.feed(channel, session, frame)
            if channel.connection.state is ConnectionState.CLOSED:
                break
    except WebSocketDisconnect:
        pass
    finally:
        if session is not None:
            sessions.detach(session, channel)

"""The Starlette app: the page, the client bundle, and one WebSocket per session.

The only module that imports Starlette. It pumps bytes between sockets and sessions and decides
nothing about the protocol.
"""

from __future__ import annotations

import html
import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager, suppress
from pathlib import Path

from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from reactive import loopwatch
from reactive.definition.app import App
from reactive.definition.event_data import RequestInfo
from reactive.direct import EXTENSION as DIRECT_EXTENSION
from reactive.direct import DirectSocket
from reactive.protocol.connection import ConnectionState
from reactive.protocol.origin import HostPolicy, origin_allowed
from reactive.session.channel import Channel
from reactive.session.inbox import Inbox
from reactive.session.manager import DEFAULT_GRACE_SECONDS, SessionManager
from reactive.web.api import api_routes

log = logging.getLogger("reactive")

STATIC_DIR = Path(__file__).parent / "static"

#: The ASGI application type that ``create_app`` returns.
AsgiApp = Starlette

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="{root}/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{root}/static/app.css">
</head><body><div id="rx-root"></div>
<script type="module" src="{root}/static/app.js"></script>
</body></html>
"""


def root_path(request: Request | WebSocket) -> str:
    """The prefix the app is served under (a mount's path, ``--root-path``), without a trailing
    slash: ``""`` at the root, ``"/demo"`` for ``parent.mount("/demo", app.asgi())``.

    Every URL the server writes into a page or an HTTP answer starts with it; the client builds
    its own from where its bundle was served (``client/src/transport/endpoint.ts``).
    """
    given = request.scope.get("reactive.root_path")  # gr.mount_gradio_app(root_path=...)
    prefix: str = given if isinstance(given, str) else request.scope.get("root_path", "")
    return prefix.rstrip("/")


class SocketTransport:
    """A Starlette WebSocket as a session transport: every frame an ASGI message."""

    def __init__(self, websocket: WebSocket) -> None:
        self._websocket = websocket

    def try_send(self, data: bytes) -> bool:
        return False  # an ASGI send is awaited

    async def send(self, data: bytes) -> None:
        await self._websocket.send_bytes(data)

    async def close(self, code: int, reason: str = "") -> None:
        await self._websocket.close(code, reason)


class DirectTransport(SocketTransport):
    """The same WebSocket, its frames written straight to the protocol (:mod:`reactive.direct`)."""

    def __init__(self, websocket: WebSocket, direct: DirectSocket) -> None:
        super().__init__(websocket)
        self._direct = direct

    def try_send(self, data: bytes) -> bool:
        return self._direct.send_now(data)

    async def send(self, data: bytes) -> None:
        while not self._direct.send_now(data):
            await self._direct.wait_writable()


class HostCheck:
    """Refuses every request (page, bundle, socket) whose ``Host`` the policy does not allow."""

    def __init__(self, app: ASGIApp, policy: HostPolicy) -> None:
        self._app = app
        self._policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            host = _header(scope, b"host")
            if not self._policy.allows(host):
                log.warning("Refused a request for host %r (not an allowed host)", host)
                if scope["type"] == "websocket":  # closed before accept: the client gets 403
                    await send({"type": "websocket.close", "code": 1008, "reason": ""})
                    return
                response = PlainTextResponse(self._policy.refusal(host), status_code=400)
                await response(scope, receive, send)
                return
        await self._app(scope, receive, send)


#: Every HTTP response: no MIME sniffing, no referrer to the sites the page links to.
_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
#: Where plot.ts loads plotly.js and vega-embed from (only they are scripts from elsewhere).
_PLOT_SCRIPTS = "https://cdn.plot.ly https://cdn.jsdelivr.net"


def page_policy(app: App, frame_ancestors: str = "'self'") -> str:
    """The page's Content-Security-Policy: scripts only from the bundle, never inline.

    Styles may be inline (the app's ``css``, sanitized HTML's ``style`` attributes, plotly);
    images from anywhere (``{url}`` image values); media, downloads and images from blobs.
    vega compiles its expressions with ``Function``: ``'unsafe-eval'`` only for an app with a Plot,
    or with ``js=`` listeners (its author's own JavaScript, compiled in the page).
    """
    plots = any(c.type == "plot" for c in app.components.values())
    authored_js = any(f.js is not None for f in app.functions) or any(
        getattr(c, "runs_js", False) for c in app.components.values()
    )  # js= listeners, and gr.HTML templates and js_on_load
    scripts = f"'self' {_PLOT_SCRIPTS}" + (" 'unsafe-eval'" if plots or authored_js else "")
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob: https: http:",
            "media-src 'self' data: blob:",
            "connect-src 'self'",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


class SecurityHeaders:
    """Adds :data:`_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self._app(scope, receive, send_with_headers)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            text: str = value.decode("latin-1")
            return text
    return None


def create_app(
    app: App,
    *,
    grace: float = DEFAULT_GRACE_SECONDS,
    allowed_hosts: Iterable[str] = (),
    bound_host: str = "127.0.0.1",
    frame_ancestors: str = "'self'",
) -> Starlette:
    """The ASGI application serving ``app``.

    ``allowed_hosts``: host names besides IP addresses, ``localhost`` and ``bound_host`` (the
    interface the server listens on) that requests may name (``reactive run --allowed-host``).
    ``frame_ancestors``: the pages that may frame this one (the CSP directive's sources;
    ``'none'`` forbids framing, ``https://portal.example`` allows that site).
    """
    sessions = SessionManager(app, grace=grace)
    sockets: set[WebSocket] = set()  # the open pages, for MountedApp.close_pages
    policy = HostPolicy(allowed_hosts, bound_host)
    title = html.escape(app.title)
    page_headers = {
        "Cache-Control": "no-store",
        "Content-Security-Policy": page_policy(app, frame_ancestors),
    }

    async def index(request: Request) -> HTMLResponse:
        root = html.escape(root_path(request), quote=True)
        return HTMLResponse(_PAGE.format(title=title, root=root), headers=page_headers)

    async def socket(websocket: WebSocket) -> None:
        origin, host = websocket.headers.get("origin"), websocket.headers.get("host")
        if not origin_allowed(origin, host, websocket.url.scheme):
            log.warning("Refused a WebSocket from origin %s", websocket.headers.get("origin"))
            await websocket.close(code=1008)  # before accept: the client gets HTTP 403
            return
        await websocket.accept()
        sockets.add(websocket)
        try:
            await _pump(websocket, sessions)
        finally:
            sockets.discard(websocket)

    routes, mcp_lifespan = api_routes(app, sessions), None
    if app.mcp:  # the SDK is imported only by an app that asked for it
        from reactive.web.mcp import mcp_routes

        mcp, mcp_lifespan = mcp_routes(app, sessions)
        routes += mcp

    # A multipage app's other pages (demo.route): each its own server under its path.
    pages = [
        (page.path, create_app(page.app, grace=grace, allowed_hosts=allowed_hosts,
                               bound_host=bound_host, frame_ancestors=frame_ancestors))
        for page in app.pages
    ]  # fmt: skip

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await sessions.start()
        try:
            async with AsyncExitStack() as stack:
                stack.enter_context(loopwatch.watching())  # names an async def that blocks
                for _path, served in pages:
                    await stack.enter_async_context(served.router.lifespan_context(served))
                if mcp_lifespan is not None:
                    await stack.enter_async_context(mcp_lifespan())
                yield
        finally:
            await sessions.close_all()

    starlette = Starlette(
        routes=[
            Route("/", index),
            Route("/favicon.ico", _favicon),  # asked for by tools that ignore the page's <link>
            WebSocketRoute("/ws", socket),
            Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
            *routes,  # docs/api.md: POST /api/<name>, /api, /openapi.json, /mcp
            *(Mount(f"/{path}", served) for path, served in pages),
        ],
        lifespan=lifespan,
    )
    starlette.add_middleware(HostCheck, policy=policy)
    starlette.add_middleware(SecurityHeaders)  # added last, so outermost: refusals get them too
    starlette.state.sessions = sessions
    starlette.state.sockets = sockets
    return starlette


def _request_info(websocket: WebSocket) -> RequestInfo:
    client = websocket.client.host if websocket.client is not None else None
    return RequestInfo(dict(websocket.headers), client, dict(websocket.query_params))


class MountedApp:
    """``App.asgi()``: the app as an ASGI application to mount under a prefix.

    ``parent.mount("/demo", app.asgi())`` in Starlette or FastAPI serves the page at ``/demo/``,
    its bundle, socket and API under ``/demo`` too. A parent does not run a mounted app's
    lifespan: pass ``lifespan=mounted.lifespan`` (or enter it in the parent's own) so the app's
    worker processes start with the server and every session is closed when it stops; without
    it they start on first use and end with the process.
    """

    def __init__(self, starlette: Starlette) -> None:
        self.starlette = starlette

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.starlette(scope, receive, send)

    def lifespan(self, parent: object = None) -> AbstractAsyncContextManager[None]:
        """Start and stop the app with its parent: ``FastAPI(lifespan=mounted.lifespan)``."""
        return self._lifespan()

    async def close_pages(self, code: int, reason: str) -> None:
        """Close every open page's socket with ``code`` (``--reload`` swapping in a new app)."""
        sockets: set[WebSocket] = self.starlette.state.sockets
        for websocket in list(sockets):
            with suppress(RuntimeError):  # it was closing already
                await websocket.close(code, reason)

    @asynccontextmanager
    async def _lifespan(self) -> AsyncIterator[None]:
        async with self.starlette.router.lifespan_context(self.starlette):
            yield


def mountable(
    app: App, *, allowed_hosts: Iterable[str] = (), frame_ancestors: str = "'self'"
) -> MountedApp:
    """``app`` as a :class:`MountedApp` (what ``App.asgi()`` returns)."""
    return MountedApp(create_app(app, allowed_hosts=allowed_hosts, frame_ancestors=frame_ancestors))


async def _favicon(request: Request) -> FileResponse:
    return FileResponse(STATIC_DIR / "favicon.svg", media_type="image/svg+xml")


async def _pump(websocket: WebSocket, sessions: SessionManager) -> None:
    """Frames between the socket and its session until the socket closes."""
    direct: DirectSocket | None = websocket.scope.get("extensions", {}).get(DIRECT_EXTENSION)
    if direct is not None:
        await _pump_direct(websocket, direct, sessions)
        return
    channel = Channel(SocketTransport(websocket), request=_request_info(websocket))
    inbox = Inbox(sessions, channel)
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            data = message.get("bytes")
            await inbox.feed(data if data is not None else message.get("text", ""))
            if channel.connection.state is ConnectionState.CLOSED:
                break
    except WebSocketDisconnect:
        pass
    finally:
        if inbox.session is not None:
            sessions.detach(inbox.session, channel)


async def _pump_direct(
    websocket: WebSocket, direct: DirectSocket, sessions: SessionManager
) -> None:
    """The same, with frames handed over in the protocol's ``data_received``: this task only
    waits for the socket to close."""

    def reading(on: bool) -> None:
        if on:
            direct.resume_reading()
        else:
            direct.pause_reading()

    channel = Channel(DirectTransport(websocket, direct), request=_request_info(websocket))
    inbox = Inbox(sessions, channel, reading)
    direct.set_receiver(inbox.push)
    try:
        while (await websocket.receive())["type"] != "websocket.disconnect":
            pass  # only the disconnect comes this way now
    except WebSocketDisconnect:
        pass
    finally:
        direct.set_receiver(None)
        if inbox.session is not None:
            sessions.detach(inbox.session, channel)

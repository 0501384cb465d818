"""Drive an app in memory, as a page would, without a server or a browser.

Example::

    async with AppTester(app) as page:
        await page.input("text", "hi")
        assert await page.wait_value("shout", "HI")

The tester applies batches the way the browser client does (an event of an older run of the
function that made it is stale and dropped, appends check their offset) and acknowledges them,
unless ``auto_ack=False``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any

from reactive.definition.app import App
from reactive.definition.event_data import RequestInfo
from reactive.protocol import codec
from reactive.protocol.connection import DEFAULT_WINDOW_BYTES, ServerConnection
from reactive.protocol.messages import PROTOCOL_VERSION
from reactive.session.channel import Channel
from reactive.session.manager import SessionManager
from reactive.session.session import Session


class MemoryTransport:
    """A transport that keeps decoded server messages in a queue."""

    def __init__(self) -> None:
        self.messages: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.sent_bytes = 0
        self.close_code: int | None = None

    def try_send(self, data: bytes) -> bool:
        self.sent_bytes += len(data)
        self.messages.put_nowait(codec.decode(data))
        return True

    async def send(self, data: bytes) -> None:
        self.try_send(data)

    async def close(self, code: int, reason: str = "") -> None:
        self.close_code = code
        self.messages.put_nowait({"t": "close", "code": code, "reason": reason})  # wakes waits


class PageModel:
    """What the page shows: values, run states, errors; updated by applying server events."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.function_runs: dict[str, int] = {}  # the newest run seen per function
        self.outputs: dict[str, list[str]] = {}
        self.types: dict[str, str] = {}  # each component's type, rendered ones too
        self.status: dict[str, dict[str, Any]] = {}
        self.errors: list[dict[str, Any]] = []
        self.applied: list[dict[str, Any]] = []  # every event applied, in order
        self.props: dict[str, dict[str, Any]] = {}  # properties changed by rx.update
        self.progress: dict[str, dict[str, Any]] = {}  # the newest progress per function
        self.toasts: list[dict[str, Any]] = []  # rx.Info / rx.Warning notices
        self.received: dict[str, dict[str, Any]] = {}  # upload progress per component
        self.dropped: list[dict[str, Any]] = []  # stale events the page ignored

    def welcome(self, app: dict[str, Any]) -> None:
        self.values = {cid: spec["props"].get("value") for cid, spec in app["components"].items()}
        self.outputs = {f["id"]: f["outputs"] for f in app["fns"]}
        self.types = {cid: spec["type"] for cid, spec in app["components"].items()}
        for cid, kind in list(self.types.items()):
            if kind == "render" and self.values[cid] is not None:
                self._rendered(self.values[cid])

    def _rendered(self, layout: dict[str, Any]) -> None:
        """A ``@gr.render`` slot's new sub-layout: its components and functions join the page."""
        for cid, spec in layout["components"].items():
            self.values[cid] = spec["props"].get("value")
            self.types[cid] = spec["type"]
        self.outputs.update({f["id"]: f["outputs"] for f in layout["fns"]})

    def apply(self, event: dict[str, Any]) -> None:
        kind = event["t"]
        if kind == "status":
            self._status(event)
            return
        if kind in ("toast", "progress"):
            self._notice(event)
            return
        if kind == "called":  # the answer to a call (the API's, or a js= listener's fn)
            self.applied.append(event)
            return
        if kind == "received":
            self.received[event["c"]] = event
            self.applied.append(event)
            return
        component = event["c"]
        if not self._newest_run(event.get("f"), event["r"]):  # no f: an example's fill
            self.dropped.append(event)
            return
        if kind == "update":
            self.values[component] = event["v"]
            if self.types.get(component) == "render" and event["v"] is not None:
                self._rendered(event["v"])
        elif kind == "props":
            self.props.setdefault(component, {}).update(event["p"])
        elif kind == "append" and not self._append(component, event):
            self.dropped.append(event)
            return
        self.applied.append(event)

    def _append(self, component: str, event: dict[str, Any]) -> bool:
        """Text grows at its end; a chat (a list of messages) in its last message."""
        current: Any = self.values.get(component) or ""
        chat = isinstance(current, list)
        text = current[-1]["content"] if chat and current else current
        if not isinstance(text, str) or len(text.encode("utf-16-le")) // 2 != event["at"]:
            return False
        if chat:
            last = {**current[-1], "content": text + event["d"]}
            self.values[component] = [*current[:-1], last]
        else:
            self.values[component] = text + event["d"]
        return True

    def _newest_run(self, function: str | None, run: int) -> bool:
        """False for a stale event: ``function`` has had a newer run. Else it is the newest."""
        if function is None:
            return True
        if run < self.function_runs.get(function, 0):
            return False
        self.function_runs[function] = run
        return True

    def _notice(self, event: dict[str, Any]) -> None:
        if event["t"] == "toast":
            self.toasts.append(event)
        elif self._newest_run(event["f"], event["r"]):
            self.progress[event["f"]] = event
        else:
            self.dropped.append(event)
            return
        self.applied.append(event)

    def _status(self, event: dict[str, Any]) -> None:
        if not self._newest_run(event["f"], event["r"]):
            self.dropped.append(event)
            return
        self.status[event["f"]] = event
        self.applied.append(event)


class AppTester:
    """An in-memory page connected to ``app`` through a real session and protocol."""

    def __init__(
        self,
        app: App,
        *,
        auto_ack: bool = True,
        session_id: str | None = None,
        manager: SessionManager | None = None,
        window_bytes: int = DEFAULT_WINDOW_BYTES,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """``headers``: the page's request headers (``accept-language``, ...), lower-case."""
        self.app = app
        self.auto_ack = auto_ack
        self.manager = manager if manager is not None else SessionManager(app)
        self.transport = MemoryTransport()
        request = RequestInfo(headers=dict(headers)) if headers is not None else None
        self.channel = Channel(
            self.transport, ServerConnection(window_bytes=window_bytes), request=request
        )
        self.page = PageModel()
        self.session: Session | None = None
        self._requested_session = session_id
        self.welcome: dict[str, Any] = {}
        self.batches = 0
        #: Every batch event the server sent, in order: stale ones (that the page drops) too.
        self.events: list[dict[str, Any]] = []
        self._uploads = 0

    async def __aenter__(self) -> AppTester:
        await self.manager.start()  # as the server does: warm worker processes, if any
        await self.send({"t": "hello", "v": PROTOCOL_VERSION, "session": self._requested_session})
        self.welcome = await self.transport.messages.get()
        self.page.welcome(self.welcome["app"])
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.manager.close_all()

    def disconnect(self) -> None:
        """The socket drops: the session is kept for its grace period."""
        if self.session is not None:
            self.manager.detach(self.session, self.channel)

    async def send(self, message: dict[str, Any]) -> None:
        """Send one raw message, as bytes, through the protocol."""
        await self.send_bytes(codec.encode(message))

    async def send_bytes(self, data: bytes) -> None:
        self.session = await self.manager.feed(self.channel, self.session, data)

    async def input(self, component: str, value: Any) -> None:
        await self.send({"t": "input", "c": component, "v": value})

    async def upload(
        self, component: str, data: bytes, name: str, mime: str = "", part_size: int = 1 << 20
    ) -> None:
        """Upload a file to ``component`` in parts, as the page does (``upload`` messages)."""
        self._uploads += 1
        count = max(1, -(-len(data) // part_size))
        for index in range(count):
            part: dict[str, Any] = {"t": "upload", "c": component, "u": self._uploads, "i": index}
            part |= {"d": data[index * part_size : (index + 1) * part_size]}
            part |= {"last": index == count - 1}
            if index == 0:
                part |= {"name": name, "mime": mime, "size": len(data)}
            await self.send(part)

    async def click(self, component: str) -> None:
        await self.send({"t": "trigger", "c": component, "e": "click"})

    async def submit(self, component: str) -> None:
        await self.send({"t": "trigger", "c": component, "e": "submit"})

    async def receive(self, timeout: float = 5.0) -> dict[str, Any]:
        """The next server message, applied to the page model (batches are acknowledged)."""
        message = await asyncio.wait_for(self.transport.messages.get(), timeout)
        if message["t"] == "batch":
            self.batches += 1
            self.events.extend(message["e"])
            for event in message["e"]:
                self.page.apply(event)
            if self.auto_ack:
                await self.send({"t": "ack", "n": message["n"]})
        elif message["t"] == "error":
            self.page.errors.append(message)
        return message

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
        """Receive messages until ``predicate()`` holds; False on timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            try:
                await self.receive(remaining)
            except TimeoutError:
                return predicate()
        return True

    async def wait_value(self, component: str, value: Any, timeout: float = 5.0) -> bool:
        return await self.wait_until(lambda: self.page.values.get(component) == value, timeout)

    async def wait_status(self, function: str, state: str, timeout: float = 5.0) -> bool:
        return await self.wait_until(
            lambda: self.page.status.get(function, {}).get("s") == state, timeout
        )

    async def wait_error(self, timeout: float = 5.0) -> dict[str, Any]:
        count = len(self.page.errors)
        if not await self.wait_until(lambda: len(self.page.errors) > count, timeout):
            raise TimeoutError("No error message arrived.")
        return self.page.errors[-1]

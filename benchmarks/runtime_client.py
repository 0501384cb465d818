"""Protocol-level pages (no browser) for the runtime rows: reactive's msgpack session, the floor.

:class:`Page` speaks docs/protocol.md: ``hello`` first, then the ``welcome``; ``input`` and
``trigger`` frames; batches are acknowledged with ``ack{n}`` as the browser page paces its acks
(:mod:`benchmarks.ack_pacer`: after 0.1 s or 256 KiB; the server stops sending once ``window``
bytes are unacknowledged); ``update`` and ``append``
events are applied as the page applies them (an append only where its ``at`` fits).
:class:`FloorPage` speaks the floor's raw text frames (``benchmarks.floor``). Both wait with a
deadline, never for good.
"""

from __future__ import annotations

import contextlib
import time
from types import TracebackType
from typing import Any, Self

import msgpack
from websockets.sync.client import ClientConnection, connect

from benchmarks.ack_pacer import AckPacer

TIMEOUT_SECONDS = 10.0


class ProtocolError(RuntimeError):
    """The server answered with an ``error`` message, or not in time."""


def pack(message: dict[str, Any]) -> bytes:
    packed: bytes = msgpack.packb(message, use_bin_type=True)
    return packed


class _Socket:
    """A client socket used in a ``with`` block: closed at its end."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


class Page(_Socket):
    """One reactive session over one WebSocket, at ``ws://host:port/ws``."""

    def __init__(self, ws_url: str) -> None:
        self._ws: ClientConnection = connect(ws_url, max_size=None, compression=None)
        self._ws.send(pack({"t": "hello", "v": 1, "session": None}))
        welcome = self._decode(self._ws.recv(TIMEOUT_SECONDS))
        if welcome.get("t") != "welcome":
            raise ProtocolError(f"expected a welcome, got {welcome!r}")
        self.session: str = welcome["session"]
        #: The newest value seen per output component, and the newest state per function.
        self.values: dict[str, Any] = {}
        self.states: dict[str, str] = {}
        self.batches = 0
        self._acks = AckPacer()

    def close(self) -> None:
        self._ws.close()

    def send_input(self, component: str, value: Any) -> None:
        self._ws.send(pack({"t": "input", "c": component, "v": value}))

    def click(self, component: str) -> None:
        self._ws.send(pack({"t": "trigger", "c": component, "e": "click"}))

    def _read(self, timeout: float) -> None:
        """Read (and apply) one frame within ``timeout``, sending the ack when it is due."""
        due = self._acks.due
        wait = timeout if due is None else max(0.0, min(timeout, due - time.perf_counter()))
        with contextlib.suppress(TimeoutError):
            self._take(self._ws.recv(wait))
        seq = self._acks.take_due(time.perf_counter())
        if seq is not None:
            self._ws.send(pack({"t": "ack", "n": seq}))

    def wait_for(self, component: str, value: Any, timeout: float = TIMEOUT_SECONDS) -> float:
        """Read (and ack) until ``component`` shows ``value``; returns when (perf_counter)."""
        deadline = time.perf_counter() + timeout
        while self.values.get(component, _MISSING) != value:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise ProtocolError(f"{component} did not show {value!r} within {timeout:.1f} s")
            self._read(left)
        return time.perf_counter()

    def wait_for_any(self, component: str, timeout: float = TIMEOUT_SECONDS) -> Any:
        """Read (and ack) until ``component`` gets a value; returns it."""
        self.values.pop(component, None)
        deadline = time.perf_counter() + timeout
        while component not in self.values:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise ProtocolError(f"{component} got no value within {timeout:.1f} s")
            self._read(left)
        return self.values[component]

    def drain(self) -> None:
        """Take whatever has arrived, without waiting (and send the ack if it is due)."""
        for _ in range(10_000):
            try:
                data = self._ws.recv(0)
            except TimeoutError:
                break
            self._take(data)
        seq = self._acks.take_due(time.perf_counter())
        if seq is not None:
            self._ws.send(pack({"t": "ack", "n": seq}))

    def _take(self, data: str | bytes) -> None:
        message = self._decode(data)
        kind = message.get("t")
        if kind == "error":
            raise ProtocolError(f"server error {message.get('code')}: {message.get('msg')}")
        if kind != "batch":
            return
        self.batches += 1
        seq = self._acks.read(message["n"], len(data), time.perf_counter())
        if seq is not None:
            self._ws.send(pack({"t": "ack", "n": seq}))
        for event in message["e"]:
            if event["t"] == "update":
                self.values[event["c"]] = event["v"]
            elif event["t"] == "append":  # a growing text within one run (generators)
                text = self.values.get(event["c"], "")
                if isinstance(text, str) and _utf16_length(text) == event["at"]:
                    self.values[event["c"]] = text + event["d"]
            elif event["t"] == "status":
                self.states[event["f"]] = event["s"]

    @staticmethod
    def _decode(data: str | bytes) -> dict[str, Any]:
        if not isinstance(data, bytes):
            raise ProtocolError("the server sent a text frame")
        message: dict[str, Any] = msgpack.unpackb(data, raw=False)
        return message


_MISSING = object()


def _utf16_length(text: str) -> int:
    """The length ``append.at`` counts in: UTF-16 code units, as the browser does."""
    return len(text.encode("utf-16-le")) // 2


class FloorPage(_Socket):
    """One raw WebSocket to the floor, at ``ws://host:port/<path>`` (text frames both ways)."""

    def __init__(self, ws_url: str) -> None:
        self._ws: ClientConnection = connect(ws_url, max_size=None, compression=None)
        self.last: str | None = None

    def close(self) -> None:
        self._ws.close()

    def send(self, text: str) -> None:
        self._ws.send(text)

    def wait_for(self, value: str, timeout: float = TIMEOUT_SECONDS) -> float:
        deadline = time.perf_counter() + timeout
        while self.last != value:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise ProtocolError(f"the floor did not answer {value!r} within {timeout:.1f} s")
            try:
                reply = self._ws.recv(left)
            except TimeoutError:
                continue
            self.last = reply if isinstance(reply, str) else reply.decode()
        return time.perf_counter()

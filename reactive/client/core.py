"""``AsyncClient``: one WebSocket to an app, spoken as the page speaks it, resumed when it drops.

Every call is a ``call`` message; the server answers with ``called`` (the run id, or why not),
then the run's events arrive in batches like a page's, each acknowledged once applied.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import tempfile
from collections.abc import AsyncGenerator
from pathlib import Path
from typing import Any

import websockets
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Origin

from reactive.client.state import FunctionInfo, RunRecord, SessionState, functions_of
from reactive.client.urls import new_route_key, origin_of, socket_url
from reactive.client.values import (
    PART_BYTES,
    UPLOAD_TYPES,
    Downloads,
    pcm_chunk,
    to_wire,
    upload_parts,
)
from reactive.errors import CallCancelled, CallError, ClientError
from reactive.protocol import codec
from reactive.protocol.messages import PROTOCOL_VERSION

log = logging.getLogger("reactive.client")

#: Close codes after which reconnecting cannot help (docs/protocol.md).
FINAL_CLOSE_CODES = {1008, 4001, 4400}
RECONNECT_SECONDS = 10.0


class AsyncClient:
    """A client of one reactive app::

        async with AsyncClient("http://127.0.0.1:8000") as client:
            assert await client.call("shout", "hi") == "HI"
            async for value in client.stream("count", 5): ...

    ``download_dir``: where results that are files are written (default: a new temp folder).
    ``numpy``: pictures and WAV sound come back as numpy arrays instead of paths.
    """

    def __init__(
        self, url: str, *, download_dir: str | Path | None = None, numpy: bool = False
    ) -> None:
        self.url = url
        folder = Path(download_dir) if download_dir else Path(tempfile.mkdtemp(prefix="rx-client-"))
        self.downloads = Downloads(folder, numpy=numpy)
        self.session: str | None = None
        self._route_key = new_route_key()  # in every socket URL, as the page's (route.ts)
        self._state = SessionState()
        self._functions: dict[str, FunctionInfo] = {}
        self._socket: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._calls = itertools.count(1)
        self._uploads = itertools.count(1)
        self._sending = asyncio.Lock()
        self._waiting: dict[int, asyncio.Future[RunRecord]] = {}
        self._connected = asyncio.Event()
        self._closed = False
        self._failure: ClientError | None = None

    # ---------------------------------------------------------------- connection

    async def __aenter__(self) -> AsyncClient:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def connect(self) -> None:
        """Open the socket and start a session (or resume ours)."""
        try:
            socket = await connect(
                socket_url(self.url, self._route_key),
                origin=Origin(origin_of(self.url)),
                max_size=None,
            )
        except websockets.InvalidStatus as exc:
            status = exc.response.status_code
            raise ClientError(f"{self.url} refused the WebSocket (HTTP {status}).") from exc
        except OSError as exc:
            raise ClientError(f"Cannot reach {self.url}: {exc}") from exc
        await socket.send(
            codec.encode({"t": "hello", "v": PROTOCOL_VERSION, "session": self.session})
        )
        welcome = codec.decode(await socket.recv(decode=False))
        if welcome.get("t") != "welcome":
            await socket.close()
            raise ClientError(f"The server refused the session: {welcome.get('msg', welcome)}")
        if self.session is not None and not welcome["resumed"]:
            self._state.lost("the server no longer had the session (it expired); call again")
            self._fail_waiting(ClientError("The session expired while reconnecting."))
        elif self.session is not None and welcome["session"] != self.session:
            # Restored from the session store on another process: its values came along, its
            # running calls were stopped, and its run ids start again.
            self._state.moved("the session moved to another process, which stopped its calls")
            self._fail_waiting(ClientError("The session moved to another process; call again."))
        self.session = welcome["session"]
        self._functions = functions_of(welcome["app"])
        self._state.welcome(welcome["app"])
        self._socket = socket
        self._connected.set()
        self._reader = asyncio.get_running_loop().create_task(self._read(socket))

    async def close(self) -> None:
        """Close the socket; the server cancels this session's runs soon after."""
        self._closed = True
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        self._state.lost("the client was closed")
        self._fail_waiting(ClientError("The client was closed."))

    async def _read(self, socket: ClientConnection) -> None:
        try:
            async for frame in socket:
                if isinstance(frame, bytes):
                    await self._receive(socket, codec.decode(frame))
        except websockets.ConnectionClosed:
            pass
        if not self._closed:
            await self._reconnect(socket.close_code)

    async def _receive(self, socket: ClientConnection, message: dict[str, Any]) -> None:
        if message["t"] == "batch":
            events = message["e"]
            for event in events:  # a call's answer first: its run's events may share the batch
                if event["t"] == "called":
                    self._answer(event)
            for event in events:
                self._state.apply(event)
            await socket.send(codec.encode({"t": "ack", "n": message["n"]}))
        elif message["t"] == "error":
            log.warning("The server refused a message: %s (%s)", message["msg"], message["code"])

    async def _reconnect(self, code: int | None) -> None:
        """The socket dropped: resume the session, as the page does, or give up on its calls."""
        self._connected.clear()
        self._socket = None
        if code not in FINAL_CLOSE_CODES:
            deadline = asyncio.get_running_loop().time() + RECONNECT_SECONDS
            delay = 0.05
            while asyncio.get_running_loop().time() < deadline and not self._closed:
                try:
                    await self.connect()
                    return
                except (ClientError, OSError, websockets.WebSocketException) as exc:
                    log.info("Reconnecting to %s failed (%s); retrying", self.url, exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 1.0)
        failure = ClientError(f"Lost the connection to {self.url} (close code {code}).")
        self._failure = failure
        self._state.lost(str(failure))
        self._fail_waiting(failure)

    def _fail_waiting(self, error: ClientError) -> None:
        for future in self._waiting.values():
            if not future.done():
                future.set_exception(error)
        self._waiting.clear()

    async def _send(self, message: dict[str, Any]) -> None:
        if self._failure is not None:
            raise self._failure
        if self._closed:
            raise ClientError("The client is closed.")
        try:
            await asyncio.wait_for(self._connected.wait(), RECONNECT_SECONDS + 1)
        except TimeoutError:
            raise ClientError(f"Not connected to {self.url}.") from None
        assert self._socket is not None
        await self._socket.send(codec.encode(message))

    # ---------------------------------------------------------------- calls

    def functions(self) -> dict[str, FunctionInfo]:
        """Each exposed function by name, with its inputs and outputs and their types."""
        return dict(self._functions)

    def function(self, name: str) -> FunctionInfo:
        info = self._functions.get(name)
        if info is None:
            known = ", ".join(sorted(self._functions)) or "none"
            raise ClientError(f"The app has no API function {name!r} (it has: {known}).")
        return info

    async def start(self, name: str, *args: Any) -> RunRecord:
        """Send a call and wait for its run to be named: its record fills in as events arrive."""
        info = self.function(name)
        if len(args) != len(info.inputs):
            raise ClientError(f"{name} takes {len(info.inputs)} argument(s), got {len(args)}.")
        wire = [to_wire(p.type, a) for p, a in zip(info.inputs, args, strict=True)]
        call = next(self._calls)
        future: asyncio.Future[RunRecord] = asyncio.get_running_loop().create_future()
        self._waiting[call] = future
        try:
            async with self._sending:  # one call's upload parts and call message stay together
                message = {"t": "call", "k": call, "f": name, "a": wire}
                uploads = await self._upload_large(info, wire)
                if uploads:
                    message["u"] = uploads
                await self._send(message)
            return await future
        finally:
            self._waiting.pop(call, None)

    async def _upload_large(self, info: FunctionInfo, wire: list[Any]) -> list[list[int]]:
        """Send large files for audio and video inputs in parts, as the page does; their
        places in ``wire`` become nil and the call names the uploads instead."""
        pairs: list[list[int]] = []
        for index, (param, value) in enumerate(zip(info.inputs, wire, strict=True)):
            if param.type not in UPLOAD_TYPES or not isinstance(value, dict):
                continue
            data = value.get("data")
            if not isinstance(data, bytes) or len(data) <= PART_BYTES:
                continue
            upload = next(self._uploads)
            for part in upload_parts(param.component, upload, value, PART_BYTES):
                await self._send(part)
            wire[index] = None
            pairs.append([index, upload])
        return pairs

    def _answer(self, event: dict[str, Any]) -> None:
        future = self._waiting.pop(event["k"], None)
        if future is None or future.done():
            return
        if "r" not in event:
            future.set_exception(ClientError(event.get("msg", "refused"), event.get("code")))
            return
        record = RunRecord(self._functions[event["f"]], event["r"])
        self._state.track(record)
        future.set_result(record)

    async def cancel(self, record: RunRecord) -> None:
        """Stop the run on the server, as the page's stop does (``cancel`` message)."""
        if not record.finished.is_set():
            record.finish("cancelled", "cancelled by the client")
            await self._send({"t": "cancel", "f": record.function.name})

    async def result(self, record: RunRecord) -> Any:
        """The run's final output(s), once its ``done`` arrived; raises what it ended with."""
        await record.finished.wait()
        return self._outcome(record)

    def _outcome(self, record: RunRecord) -> Any:
        if record.state == "error":
            raise CallError(record.message or f"{record.function.name} failed.")
        if record.state == "cancelled":
            raise CallCancelled(f"{record.function.name}: {record.message or 'cancelled'}")
        if record.state != "done":
            raise ClientError(f"{record.function.name}: {record.message or 'no result'}")
        return self._outputs(record, final=True)

    def _outputs(self, record: RunRecord, final: bool, latest: dict[str, Any] | None = None) -> Any:
        values = []
        latest = latest or {}
        for output in record.function.outputs:
            chunks = record.chunks.get(output.component)
            if chunks is not None:
                if not final and output.component in latest:
                    chunks = [latest[output.component]]
                values.append(self._stream_value(chunks if final else chunks[-1:], final))
            elif output.component in latest:
                values.append(self.downloads.from_wire(output.type, latest[output.component]))
            else:
                wire = record.values.get(output.component, self._state.values.get(output.component))
                values.append(self.downloads.from_wire(output.type, wire))
        return values[0] if len(values) == 1 else tuple(values)

    def _stream_value(self, chunks: list[Any], final: bool) -> Any:
        pieces = [c for c in chunks if isinstance(c, dict)]
        if pieces and all(c.get("k") == "pcm" for c in pieces):
            decoded = [pcm_chunk(c) for c in pieces]
            if not final:
                return decoded[-1]
            import numpy as np

            return decoded[0][0], np.concatenate([samples for _, samples in decoded])
        data = b"".join(c.get("data", b"") for c in pieces)
        if not final:
            return data
        mime = pieces[0].get("mime", "video/mp4") if pieces else "video/mp4"
        return str(self.downloads.save(data, "stream.mp4", mime))

    async def call(self, name: str, *args: Any) -> Any:
        """Run ``name`` with ``args``; its final output (a tuple for several outputs)."""
        return await self.result(await self.start(name, *args))

    async def stream(self, name: str, *args: Any) -> AsyncGenerator[Any, None]:
        """Run ``name`` and yield its output(s) at each update, as they arrive; a streaming
        audio output yields each chunk as ``(rate, samples)``."""
        record = await self.start(name, *args)
        try:
            while True:
                update = await record.updates.get()
                if update is None:
                    break
                component, value = update
                yield self._outputs(record, final=False, latest={component: value})
            if record.state != "done":
                self._outcome(record)  # raises what the run ended with
        finally:
            if not record.finished.is_set():
                await self.cancel(record)

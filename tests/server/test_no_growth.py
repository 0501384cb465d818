"""Issue 9, item 10 on a real server: sockets dropped mid-stream leave no fd, process or file.

A uvicorn server on 127.0.0.1 (in a thread of this process, its own event loop) and
protocol-level pages over real sockets: each cycle uploads a small file, starts a text stream
and, every tenth cycle, a video stream (ffmpeg), then aborts its TCP connection without a close
frame. After a first batch and after a second identical one, the census (the server loop's
tasks, sessions, threads, open fds, child processes, temp files, objects by type) must match.
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgpack
import pytest
import uvicorn
from websockets.asyncio.client import ClientConnection, connect

from reactive.cli import _UVICORN_OPTIONS
from reactive.scheduler import threads
from reactive.server import create_app
from reactive.session.manager import SessionManager
from tests.session.census import Before, Census, grown, take
from tests.session.polling import poll
from tests.session.test_growth import IDLE_SECONDS, streaming_app

CYCLES = 200
AT_ONCE = 10
TIMEOUT = 10.0


class LiveServer:
    """uvicorn serving the streaming app on 127.0.0.1, on its own loop in a thread."""

    def __init__(self) -> None:
        self.asgi = create_app(streaming_app(), grace=0.05)
        config = uvicorn.Config(self.asgi, host="127.0.0.1", port=0, **_UVICORN_OPTIONS)
        self.server = uvicorn.Server(config)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, name="test-server", daemon=True)

    def _run(self) -> None:
        self.loop.run_until_complete(self.server.serve())
        self.loop.close()

    @property
    def sessions(self) -> SessionManager:
        manager: SessionManager = self.asgi.state.sessions
        return manager

    @property
    def url(self) -> str:
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"ws://127.0.0.1:{port}/ws"

    def tasks(self) -> int:
        """The server loop's tasks, counted on that loop."""

        async def count() -> int:
            return len(asyncio.all_tasks())

        return asyncio.run_coroutine_threadsafe(count(), self.loop).result(TIMEOUT)


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[LiveServer]:
    monkeypatch.setattr(threads, "IDLE_THREAD_SECONDS", IDLE_SECONDS)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    served = LiveServer()
    served.thread.start()
    try:
        assert served_started(served)
        yield served
    finally:
        served.server.should_exit = True
        served.thread.join(TIMEOUT)
    assert not served.thread.is_alive()


def served_started(served: LiveServer) -> bool:
    done = threading.Event()
    for _ in range(int(TIMEOUT / 0.01)):
        if served.server.started or not served.thread.is_alive():
            break
        done.wait(0.01)  # the server thread gives no event to wait on
    return bool(served.server.started)


def pack(message: dict[str, Any]) -> bytes:
    packed: bytes = msgpack.packb(message, use_bin_type=True)
    return packed


async def read_until(ws: ClientConnection, seen: Any) -> None:
    """Read (and acknowledge) batches until ``seen(event)`` holds for one of their events."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while True:
        message = msgpack.unpackb(await asyncio.wait_for(ws.recv(), deadline - loop.time()))
        assert message["t"] == "batch", message
        await ws.send(pack({"t": "ack", "n": message["n"]}))
        if any(seen(event) for event in message["e"]):
            return


async def cycle(url: str, index: int) -> None:
    origin = url.replace("ws://", "http://").removesuffix("/ws")
    ws = await connect(url, origin=origin, max_size=None)  # type: ignore[arg-type]
    try:
        await ws.send(pack({"t": "hello", "v": 1, "session": None}))
        assert msgpack.unpackb(await asyncio.wait_for(ws.recv(), TIMEOUT))["t"] == "welcome"
        doc = {"name": f"n{index}.txt", "mime": "text/plain", "data": b"x" * 100}
        await ws.send(pack({"t": "input", "c": "doc", "v": doc}))
        await ws.send(pack({"t": "input", "c": "word", "v": f"w{index}-"}))
        await ws.send(pack({"t": "trigger", "c": "go", "e": "click"}))
        await read_until(ws, lambda e: e.get("c") == "text" and "w" in str(e.get("v", "")))
        if index % 10 == 0:
            await ws.send(pack({"t": "trigger", "c": "roll", "e": "click"}))
            await read_until(ws, lambda e: e["t"] == "chunk" and e["c"] == "film")
    finally:
        ws.transport.abort()  # the TCP connection drops: no close frame, mid-stream
        await ws.wait_closed()


async def batch(url: str, cycles: int) -> None:
    for start in range(0, cycles, AT_ONCE):
        await asyncio.gather(*(cycle(url, i) for i in range(start, start + AT_ONCE)))


async def settled(live: LiveServer, temp: Path, before: Before, idle_tasks: int | None) -> Census:
    """The census once every dropped session expired and the worker threads went idle."""

    def quiet() -> bool:
        census = take(live.tasks(), temp, before)
        return (
            len(live.sessions) == 0
            and (idle_tasks is None or census.tasks <= idle_tasks)
            and not census.worker_threads()
            and not census.children
            and not census.temp
        )

    await poll(quiet, timeout=15, every=0.05)
    return take(live.tasks(), temp, before)


async def test_sockets_dropped_mid_stream_leave_nothing_behind(
    live: LiveServer, tmp_path: Path
) -> None:
    before = Before.now()  # threads and children of earlier tests are not counted
    await batch(live.url, AT_ONCE)  # warm-up
    idle = await settled(live, tmp_path, before, None)
    await batch(live.url, CYCLES)
    first = await settled(live, tmp_path, before, idle.tasks)
    await batch(live.url, CYCLES)
    second = await settled(live, tmp_path, before, idle.tasks)

    for census in (idle, first, second):
        assert census.worker_threads() == []
        assert census.children == ()
        assert census.zombies == 0
        assert census.temp == ()
    assert len(live.sessions) == 0
    assert first.tasks == idle.tasks
    assert second.tasks == idle.tasks
    assert first.threads == idle.threads
    assert second.threads == idle.threads
    assert first.fds == idle.fds
    assert second.fds == idle.fds
    assert grown(first.objects, second.objects, by=CYCLES // 10) == {}

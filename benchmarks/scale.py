"""``python -m benchmarks --scale``: many sessions in one process (issue "Scale", item 1).

Two figures, each against a floor measured in the same run:

- **Idle sessions**: N protocol-level sessions (hello → welcome, then quiet) held open on one
  reactive server; its resident memory per session, against a bare Starlette WebSocket endpoint
  on the same uvicorn settings that accepts the socket and waits (the "bare socket").
- **Active sessions**: S sessions each typing R keystrokes a second into a live ``text.upper()``
  (a sync function: it runs in a worker thread), for T seconds, with random phases; each
  keystroke's round trip (send → the update carrying its upper-cased text), and the keystrokes
  whose output never came. The floor is the raw ``websockets`` server's ``/key`` endpoint
  (``benchmarks.floor``) under the same load.

The client is one asyncio process of lean sockets (``benchmarks.load_driver``: the ``websockets``
client would cost more CPU than the server under test), so on a 2-core machine client and
server share the cores: the p99 is an upper bound for the server.
"""

from __future__ import annotations

import asyncio
import gc
import random
import resource
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgpack
import uvicorn
from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

import reactive as rx
from benchmarks.ack_pacer import AckPacer
from benchmarks.floor import FloorServer
from benchmarks.load_driver import LeanSocket, open_socket
from benchmarks.servers import HOST, ServerProcess, _serve_reactive
from benchmarks.table import Row, render

CONNECT_TIMEOUT = 30.0
#: A keystroke whose output has not come this long after it was sent is counted lost.
LOST_AFTER_SECONDS = 5.0
SETTLE_SECONDS = 2.0
KIB = 1024


def scale_app() -> rx.App:
    app = rx.App(title="scale")

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def shout(text: str) -> str:
        return text.upper()

    return app


async def _bare_socket(ws: WebSocket) -> None:
    await ws.accept()
    try:
        while True:
            await ws.receive_bytes()
    except WebSocketDisconnect:
        return


def _serve_bare(port: int) -> None:
    asgi = Starlette(routes=[WebSocketRoute("/ws", _bare_socket)])
    uvicorn.run(asgi, host=HOST, port=port, log_level="warning", ws="websockets-sansio",
                ws_per_message_deflate=False, lifespan="off")  # fmt: skip


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def _raise_fd_limit(wanted: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, hard), hard))


# ---------------------------------------------------------------- idle sessions


@dataclass
class IdleRun:
    sessions: int
    held: int
    rss_before_kib: int
    rss_after_kib: int
    connect_seconds: float

    @property
    def kib_per_session(self) -> float:
        return (self.rss_after_kib - self.rss_before_kib) / max(self.held, 1)


@dataclass
class ActiveRun:
    sessions: int
    rate: float
    seconds: float
    round_trips_ms: list[float] = field(default_factory=list)
    sent: int = 0
    lost: int = 0
    errors: int = 0

    def percentile(self, share: float) -> float | None:
        if not self.round_trips_ms:
            return None
        ordered = sorted(self.round_trips_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class _Session:
    """One lean socket (``load_driver``): a reactive session (``hello`` first, its acks paced
    as a browser page paces them, :mod:`benchmarks.ack_pacer`) or a floor socket (raw text
    frames)."""

    def __init__(self, reactive: bool, run: ActiveRun | None = None, path: str = "") -> None:
        self._reactive = reactive
        self._path = path or ("/ws" if reactive else "/key")
        self._run = run
        self.socket: LeanSocket | None = None
        self._welcome: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._expected: str | None = None
        self._answered: asyncio.Future[None] | None = None
        self._sent_at = 0.0
        self._acks = AckPacer()
        self._ack_timer: asyncio.TimerHandle | None = None

    async def open(self, port: int) -> None:
        self.socket = await open_socket(HOST, port, self._path, self._on_message, CONNECT_TIMEOUT)
        if self._reactive:
            self.socket.send(msgpack.packb({"t": "hello", "v": 1, "session": None}))
            await asyncio.wait_for(self._welcome, CONNECT_TIMEOUT)

    def _on_message(self, payload: bytes) -> None:
        if self._reactive:
            message: dict[str, Any] = msgpack.unpackb(payload)
            kind = message.get("t")
            if kind == "welcome" and not self._welcome.done():
                self._welcome.set_result(None)
            if kind != "batch":
                return
            self._paced_ack(message["n"], len(payload))
            hit = any(e.get("t") == "update" and e.get("v") == self._expected
                      for e in message["e"])  # fmt: skip
        else:
            hit = payload.decode() == self._expected
        if hit and self._answered is not None and not self._answered.done():
            assert self._run is not None
            self._run.round_trips_ms.append((time.perf_counter() - self._sent_at) * 1000)
            self._answered.set_result(None)

    def _paced_ack(self, seq: int, size: int) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        due = self._acks.read(seq, size, now)
        if due is not None:
            self._send_ack(due)
        elif self._ack_timer is None and self._acks.due is not None:
            self._ack_timer = loop.call_at(self._acks.due, self._ack_when_due)

    def _ack_when_due(self) -> None:
        self._ack_timer = None
        seq = self._acks.take_due(asyncio.get_running_loop().time())
        if seq is not None:
            self._send_ack(seq)

    def _send_ack(self, seq: int) -> None:
        if self._ack_timer is not None:
            self._ack_timer.cancel()
            self._ack_timer = None
        if self.socket is not None:
            self.socket.send(msgpack.packb({"t": "ack", "n": seq}))

    async def type(self, tag: str, stop: float) -> None:
        """Keystrokes every 1/rate s; each waits for its own output (or is counted lost)."""
        assert self.socket is not None
        assert self._run is not None
        run, loop, index = self._run, asyncio.get_running_loop(), 0
        while time.monotonic() < stop:
            slot = time.monotonic() + 1 / run.rate
            text = f"{tag} {index}"
            self._expected, self._answered = text.upper(), loop.create_future()
            self._sent_at = time.perf_counter()
            if self._reactive:
                self.socket.send(msgpack.packb({"t": "input", "c": "q", "v": text}))
            else:
                self.socket.send_text(text)
            run.sent += 1
            try:
                await asyncio.wait_for(self._answered, LOST_AFTER_SECONDS)
            except TimeoutError:
                run.lost += 1
            index += 1
            await asyncio.sleep(max(0.0, slot - time.monotonic()))

    def close(self) -> None:
        if self.socket is not None:
            self.socket.close()


async def _open_all(port: int, sessions: list[_Session]) -> int:
    """Open in waves of 200, as pages arrive; returns how many opened."""
    opened = 0
    for first in range(0, len(sessions), 200):
        wave = sessions[first : first + 200]
        results = await asyncio.gather(*(s.open(port) for s in wave), return_exceptions=True)
        opened += sum(1 for r in results if not isinstance(r, BaseException))
    return opened


async def _hold(port: int, count: int, reactive: bool, pid: int) -> IdleRun:
    warm = [_Session(reactive, path="/ws") for _ in range(20)]  # imports, first allocations
    await _open_all(port, warm)
    await asyncio.sleep(SETTLE_SECONDS)
    before = _rss_kib(pid)
    start = time.monotonic()
    sessions = [_Session(reactive, path="/ws") for _ in range(count)]
    held = await _open_all(port, sessions)
    seconds = time.monotonic() - start
    await asyncio.sleep(SETTLE_SECONDS)
    after = _rss_kib(pid)
    for session in sessions + warm:
        session.close()
    return IdleRun(count, held, before, after, seconds)


def idle(count: int) -> tuple[IdleRun, IdleRun]:
    """(reactive, bare socket) holding ``count`` idle sessions each."""
    with ServerProcess(lambda port: _serve_reactive(scale_app(), port), "reactive") as server:
        ours = asyncio.run(_hold(server.port, count, True, server.pid))
    gc.collect()
    with ServerProcess(_serve_bare, "bare socket") as bare:
        floor = asyncio.run(_hold(bare.port, count, False, bare.pid))
    return ours, floor


async def _drive(port: int, reactive: bool, run: ActiveRun) -> None:
    sessions = [_Session(reactive, run) for _ in range(run.sessions)]
    if await _open_all(port, sessions) < len(sessions):
        run.errors += len(sessions) - sum(1 for s in sessions if s.socket is not None)
    stop = time.monotonic() + run.seconds

    async def one(index: int, session: _Session) -> None:
        await asyncio.sleep(random.uniform(0, 1 / run.rate))  # random phases
        try:
            await session.type(f"s{index}", stop)
        except Exception:  # counted: a refused or dropped socket
            run.errors += 1

    await asyncio.gather(*(one(i, s) for i, s in enumerate(sessions) if s.socket is not None))
    for session in sessions:
        session.close()


def active(sessions: int, rate: float, seconds: float) -> tuple[ActiveRun, ActiveRun]:
    """(reactive, floor) under ``sessions`` typists at ``rate`` keys/s for ``seconds``."""
    ours = ActiveRun(sessions, rate, seconds)
    with ServerProcess(lambda port: _serve_reactive(scale_app(), port), "reactive") as server:
        asyncio.run(_drive(server.port, True, ours))
    floor = ActiveRun(sessions, rate, seconds)
    with FloorServer() as raw:
        asyncio.run(_drive(raw.port, False, floor))
    return ours, floor


# ---------------------------------------------------------------- the table


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} ms"


def _ratio(ours: float | None, floor: float | None) -> str:
    return "—" if not ours or not floor else f"{ours / floor:.2f}×"


def run(idle_sessions: int, active_sessions: int, rate: float, seconds: float) -> int:
    _raise_fd_limit(2 * max(idle_sessions, active_sessions) + 1000)
    print(f"idle: {idle_sessions} sessions; active: {active_sessions} × {rate:g} keys/s "
          f"for {seconds:g} s")  # fmt: skip
    ours_idle, bare = idle(idle_sessions)
    ours_act, floor = active(active_sessions, rate, seconds)
    per_session = ours_idle.kib_per_session - bare.kib_per_session
    cells = [
        ("idle sessions held", f"{ours_idle.held}/{idle_sessions}",
         f"{bare.held}/{idle_sessions}", "—", f"{idle_sessions}", "bare Starlette socket"),
        ("memory per idle session", f"{ours_idle.kib_per_session:.1f} KiB",
         f"{bare.kib_per_session:.1f} KiB", f"+{per_session:.1f} KiB", "≤ +50 KB",
         "bare Starlette socket"),
        ("keystroke round trip p50", _ms(ours_act.percentile(0.5)),
         _ms(floor.percentile(0.5)), _ratio(ours_act.percentile(0.5), floor.percentile(0.5)),
         "—", "raw websockets floor"),
        ("keystroke round trip p99", _ms(ours_act.percentile(0.99)),
         _ms(floor.percentile(0.99)), _ratio(ours_act.percentile(0.99), floor.percentile(0.99)),
         "≤ 50 ms", "raw websockets floor"),
        ("keystrokes lost / sent", f"{ours_act.lost}/{ours_act.sent}",
         f"{floor.lost}/{floor.sent}", "—", "0", "raw websockets floor"),
        ("sockets failed", str(ours_act.errors), str(floor.errors), "—", "0",
         "raw websockets floor"),
    ]  # fmt: skip
    rows = [Row(*c) for c in cells]
    print(render(rows, ("figure", "reactive", "floor", "difference", "target", "floor is")))
    print(f"- connect time for {idle_sessions} sessions: {ours_idle.connect_seconds:.1f} s "
          f"(bare: {bare.connect_seconds:.1f} s); RSS {ours_idle.rss_before_kib // KIB} → "
          f"{ours_idle.rss_after_kib // KIB} MiB")  # fmt: skip
    if ours_act.round_trips_ms:
        print(f"- reactive round trips: mean {statistics.mean(ours_act.round_trips_ms):.1f} ms, "
              f"max {max(ours_act.round_trips_ms):.1f} ms")  # fmt: skip
    return 0

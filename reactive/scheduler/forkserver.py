"""The parent's handle on the fork server of a process pool, and on each worker it forked.

The fork server (:mod:`reactive.scheduler.process_worker`, run as a script) is started with
``subprocess``: a fresh interpreter, no inherited descriptors but its two sockets, its own session
(so Ctrl-C in the terminal reaches only the server, which closes the pool). Requests (``fork`` with
the worker's socket attached, ``kill``, ``import``) are tiny frames written straight to a blocking
socket; events (``forked``, ``exited``) are read on the loop.

Kills go through the fork server: it reaps its workers, so a pid it has not reaped yet cannot have
been reused by another process.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import socket
import subprocess
import sys
from collections import deque
from typing import Any

from reactive.errors import ReactiveError
from reactive.scheduler import process_worker
from reactive.scheduler.process_worker import HEADER, WORKER_ENV, encode

#: A worker's exit code as the fork server reports it (negative: a signal; None: not known).
Exit = asyncio.Future[int | None]

# A stream reader holds this much before it stops reading a worker's socket (a frame may be larger).
STREAM_LIMIT = 1 << 20


class ProcessError(ReactiveError):
    """A call could not be run in a worker process (pickling, a dead worker, a closed pool)."""


async def read_frame(reader: asyncio.StreamReader) -> Any:
    """The next message, or None when the other side is gone."""
    try:
        (length,) = HEADER.unpack(await reader.readexactly(HEADER.size))
        return pickle.loads(await reader.readexactly(length))
    except (asyncio.IncompleteReadError, ConnectionError):
        return None


class Worker:
    """One forked worker: its pid, its socket, and the exit code the fork server reports."""

    def __init__(
        self,
        pid: int,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        exited: asyncio.Future[int | None],
    ) -> None:
        self.pid = pid
        self.reader = reader
        self.writer = writer
        self.exited = exited
        self.clean = True  # between calls; False while a call's conversation is unfinished

    async def send(self, frame: bytes) -> None:
        self.writer.write(frame)
        await self.writer.drain()

    def close(self) -> None:
        self.writer.close()  # an idle worker exits at EOF


class ForkServer:
    """Start the fork server, ask it for workers, kill them through it, and stop it."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._requests: socket.socket | None = None
        self._events: asyncio.StreamReader | None = None
        self._events_writer: asyncio.StreamWriter | None = None
        self._reader: asyncio.Task[None] | None = None
        self._forks: deque[asyncio.Future[tuple[int, Exit]]] = deque()
        self._exits: dict[int, Exit] = {}

    async def start(self, sys_path: list[str], modules: list[tuple[str, str | None]]) -> None:
        """Start it and wait until it has imported ``modules``; ProcessError if it cannot."""
        if not hasattr(os, "fork"):
            raise ProcessError("run_in='process' needs a system with fork() (Linux, macOS).")
        requests, their_requests = socket.socketpair()
        events, their_events = socket.socketpair()
        with their_requests, their_events:
            self._process = _launch(their_requests.fileno(), their_events.fileno())
        self._requests = requests
        self._events, self._events_writer = await asyncio.open_unix_connection(
            sock=events, limit=STREAM_LIMIT
        )
        self._send(("boot", sys_path, modules))
        ready = await read_frame(self._events)
        if ready is None:
            raise ProcessError("The process pool's fork server exited while starting.")
        if ready[1]:
            raise ProcessError("The process pool could not import the app:\n" + "\n".join(ready[1]))
        self._reader = asyncio.get_running_loop().create_task(self._read_events(self._events))

    async def fork(self) -> Worker:
        """A new worker, forked from the warm fork server."""
        if self._requests is None:
            raise ProcessError("The process pool's fork server is not running.")
        mine, theirs = socket.socketpair()
        with theirs:
            socket.send_fds(self._requests, [encode(("fork",))], [theirs.fileno()])
        pid_known: asyncio.Future[tuple[int, Exit]] = asyncio.get_running_loop().create_future()
        self._forks.append(pid_known)
        try:
            pid, exited = await pid_known
            reader, writer = await asyncio.open_unix_connection(sock=mine, limit=STREAM_LIMIT)
        except BaseException:
            mine.close()
            raise
        return Worker(pid, reader, writer, exited)

    def kill(self, pid: int) -> None:
        """SIGKILL the worker ``pid`` unless it has already ended."""
        with contextlib.suppress(OSError):  # the fork server is gone: so are its workers
            self._send(("kill", pid))

    def preload(self, module: str, path: str | None) -> None:
        """Import ``module`` in the fork server too, so the workers forked next have it."""
        with contextlib.suppress(OSError):
            self._send(("import", module, path))

    async def close(self, timeout: float) -> None:
        """EOF to the fork server: it kills and reaps its workers and exits; reap it."""
        if self._requests is not None:
            self._requests.close()
            self._requests = None
        if self._process is not None:
            await asyncio.to_thread(_reap, self._process, timeout)
        if self._reader is not None:
            await self._reader
        if self._events_writer is not None:
            self._events_writer.close()
        self._lost()

    def _send(self, message: object) -> None:
        if self._requests is None:
            raise BrokenPipeError("the fork server is closed")
        self._requests.sendall(encode(message))

    async def _read_events(self, events: asyncio.StreamReader) -> None:
        while (event := await read_frame(events)) is not None:
            if event[0] == "forked":
                self._forked(event[1])
            elif event[0] == "exited" and (exited := self._exits.pop(event[1], None)):
                exited.set_result(event[2])
        self._lost()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return self._reader is not None and not self._reader.done()

    def _forked(self, pid: int) -> None:
        exited: Exit = asyncio.get_running_loop().create_future()
        self._exits[pid] = exited
        pid_known = self._forks.popleft()
        if pid_known.cancelled():
            self.kill(pid)
        else:
            pid_known.set_result((pid, exited))

    def _lost(self) -> None:
        """The fork server is gone: no fork will be answered, every worker has ended."""
        for pid_known in self._forks:
            if not pid_known.done():
                pid_known.set_exception(ProcessError("The process pool's fork server ended."))
        self._forks.clear()
        for exited in self._exits.values():
            if not exited.done():
                exited.set_result(None)
        self._exits.clear()


def _launch(requests: int, events: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-P", process_worker.__file__, str(requests), str(events)],
        pass_fds=(requests, events),
        env={**os.environ, WORKER_ENV: "1"},
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )


def _reap(process: subprocess.Popen[bytes], timeout: float) -> None:
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()

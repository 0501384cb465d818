"""The hard stop: run functions in worker processes, and kill the process of a superseded run.

A :class:`ProcessPool` keeps ``size`` warm workers. They are forks of one fork server
(:mod:`reactive.scheduler.process_worker`), a fresh interpreter that imported the app's modules
once, so a killed worker is replaced in milliseconds without forking the server process (which has
threads and an event loop) and without re-importing the app. The fork server is started with
``subprocess`` (close_fds, a new session), so no listening socket and no terminal signal of the
server reaches a worker.

Calls and results cross a socket per worker as pickles. Cancelling a call while its worker runs
kills that worker (SIGKILL) and starts a replacement; the ``CancelledError`` goes on as always.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import sys
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reactive.scheduler.forkserver import ForkServer, ProcessError, Worker
from reactive.scheduler.process_call import (
    Emit,
    FunctionRef,
    RemoteError,
    RemoteTraceback,
    WorkerDied,
    converse,
    encode_request,
)
from reactive.scheduler.process_worker import WORKER_ENV

__all__ = [
    "WORKER_ENV",
    "FunctionRef",
    "PoolStatistics",
    "ProcessError",
    "ProcessPool",
    "RemoteError",
    "RemoteTraceback",
    "WorkerDied",
]


@dataclass(frozen=True, slots=True)
class PoolStatistics:
    """Workers by state, callers waiting, and workers replaced since the pool started."""

    size: int
    idle: int
    busy: int
    starting: int
    waiting: int
    killed: int  # stopped by the pool: a cancelled call, a failed emit
    died: int  # ended on their own: a crash, os._exit


class PoolState(enum.Enum):
    NEW = "new"
    RUNNING = "running"
    CLOSED = "closed"


class ProcessPool:
    """Warm worker processes that run module-level functions and are killed when cancelled."""

    def __init__(self, size: int = 2) -> None:
        if size < 1:
            raise ValueError(f"a process pool needs at least one worker, got size={size}")
        self.size = size
        self.state = PoolState.NEW
        self._server = ForkServer()
        self._idle: deque[Worker] = deque()
        self._busy: set[Worker] = set()
        self._waiters: deque[asyncio.Future[Worker]] = deque()
        self._spawning: set[asyncio.Task[None]] = set()
        self._preloaded: set[tuple[str, str | None]] = set()
        self._killed = 0
        self._died = 0

    async def start(self, refs: Sequence[FunctionRef] = ()) -> None:
        """Start the fork server, import the modules of ``refs`` in it, fork ``size`` workers."""
        self._expect(PoolState.NEW)
        self.state = PoolState.RUNNING
        self._preloaded = {(ref.module, ref.path) for ref in refs}
        try:
            await self._server.start(list(sys.path), sorted(self._preloaded, key=str))
        except BaseException:
            await self.close()
            raise
        await asyncio.gather(*(self._replace() for _ in range(self.size)))

    async def call(
        self, ref: FunctionRef, args: tuple[Any, ...], emit: Emit, *, generator: bool
    ) -> None:
        """Run ``ref(*args)`` in a worker; ``await emit(value)`` for its result or each yield."""
        self._expect(PoolState.RUNNING)
        request = encode_request(ref, args, generator)
        if (ref.module, ref.path) not in self._preloaded:
            self._preloaded.add((ref.module, ref.path))
            self._server.preload(ref.module, ref.path)
        worker = await self._acquire()
        try:
            returned = await converse(worker, request, ref, emit)
        except WorkerDied as died:
            if self.state is PoolState.CLOSED:
                raise ProcessError(f"The process pool was closed while {ref.label} ran.") from died
            self._died += 1
            raise
        finally:
            self._give_back(worker)
        if returned is not None:
            await emit(returned.value)

    def statistics(self) -> PoolStatistics:
        return PoolStatistics(
            size=self.size,
            idle=len(self._idle),
            busy=len(self._busy),
            starting=len(self._spawning),
            waiting=sum(not waiter.done() for waiter in self._waiters),
            killed=self._killed,
            died=self._died,
        )

    @property
    def fork_server_pid(self) -> int | None:
        """The process id of the fork server the workers are forked from (None before start)."""
        return self._server.pid

    def pids(self) -> set[int]:
        """The process ids of the idle and busy workers."""
        return {worker.pid for worker in (*self._idle, *self._busy)}

    async def close(self, timeout: float = 5.0) -> None:
        """Stop every worker and the fork server, and reap them; calls still running fail."""
        if self.state is PoolState.CLOSED:
            return
        self.state = PoolState.CLOSED
        self._fail_waiters(ProcessError("The process pool was closed."))
        for task in self._spawning:
            task.cancel()
        for worker in (*self._idle, *self._busy):
            worker.close()
        self._idle.clear()
        await self._server.close(timeout)
        await asyncio.gather(*self._spawning, return_exceptions=True)

    def _fail_waiters(self, error: ProcessError) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_exception(error)
        self._waiters.clear()

    # --- workers --------------------------------------------------------------------------

    def _expect(self, state: PoolState) -> None:
        if self.state is not state:
            raise ProcessError(f"expected a {state.value} process pool, got {self.state.value}")

    async def _acquire(self) -> Worker:
        if not self._server.running:
            raise ProcessError("The process pool's fork server has ended; restart the server.")
        if self._idle and not self._waiters:
            worker = self._idle.popleft()
            self._busy.add(worker)
            return worker
        waiter: asyncio.Future[Worker] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            return await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled() and waiter.exception() is None:
                self._release(waiter.result())  # handed over just as we were cancelled
            with contextlib.suppress(ValueError):
                self._waiters.remove(waiter)
            raise

    def _release(self, worker: Worker) -> None:
        self._busy.discard(worker)
        if self.state is not PoolState.RUNNING or worker.exited.done():
            self._retire(worker, killed=False)
            return
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                self._busy.add(worker)
                waiter.set_result(worker)
                return
        self._idle.append(worker)

    def _give_back(self, worker: Worker) -> None:
        if worker.clean:
            self._release(worker)
        else:  # mid-call: cancelled, or emit failed, or the worker died
            self._retire(worker, killed=not worker.exited.done())

    def _retire(self, worker: Worker, *, killed: bool) -> None:
        self._busy.discard(worker)
        if killed:
            self._server.kill(worker.pid)
            self._killed += 1
        worker.close()
        if self.state is PoolState.RUNNING:
            self._replace()

    def _replace(self) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(self._spawn())
        self._spawning.add(task)
        task.add_done_callback(self._spawning.discard)
        return task

    async def _spawn(self) -> None:
        try:
            worker = await self._server.fork()
        except ProcessError as exc:  # the fork server is gone: nobody waiting gets a worker
            self._fail_waiters(exc)
            return
        worker.exited.add_done_callback(lambda _: self._on_exit(worker))
        self._release(worker)

    def _on_exit(self, worker: Worker) -> None:
        if worker in self._idle:  # died while idle: nobody else will notice
            self._idle.remove(worker)
            self._died += 1
            self._retire(worker, killed=False)

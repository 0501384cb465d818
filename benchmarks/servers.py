"""Servers for the benchmark, each in its own forked process: reactive (as ``reactive run``)."""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import multiprocessing
import os
import socket
import time
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Self

import reactive as rx
from benchmarks.apps import BenchApp
from reactive.cli import serve

HOST = "127.0.0.1"
_FORK = multiprocessing.get_context("fork")
START_TIMEOUT_SECONDS = 10.0


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until(check: Callable[[], bool], what: str) -> None:
    """Wait for ``check()`` to be true, or fail after START_TIMEOUT_SECONDS."""
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {START_TIMEOUT_SECONDS:.0f} s")
        time.sleep(0.01)


class ServerProcess:
    """Runs ``target(port)`` in a forked child process until the ``with`` block ends.

    Servers run in their own process, as ``reactive run`` does, so that the benchmark's own
    Python (Playwright's event handling) never competes with them for the GIL.
    """

    def __init__(
        self,
        target: Callable[[int], None],
        name: str,
        stop_grace: float = 15.0,
        cpus: set[int] | None = None,
    ) -> None:
        self.port = free_port()
        self._stop_grace = stop_grace  # after SIGTERM, this long before SIGKILL
        self._name = name
        run = target if cpus is None else functools.partial(_on_cpus, cpus, target)
        self._process = _FORK.Process(target=run, args=(self.port,), name=name, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    @property
    def pid(self) -> int:
        pid = self._process.pid
        if pid is None:
            raise RuntimeError(f"{self._name} is not running")
        return pid

    def __enter__(self) -> Self:
        self._process.start()
        wait_until(self._accepting, self._name)
        return self

    def _accepting(self) -> bool:
        if not self._process.is_alive():
            raise RuntimeError(f"{self._name} exited with code {self._process.exitcode}")
        with socket.socket() as probe:
            return probe.connect_ex((HOST, self.port)) == 0

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._process.terminate()
        self._process.join(timeout=self._stop_grace)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(timeout=5)


def placement() -> tuple[set[int] | None, set[int] | None]:
    """(the load driver's CPUs, the servers' CPUs) for a CPU figure: one core each.

    On this kind of machine (a VM) waking a thread on another core costs tens of microseconds
    and one on the same core a few: left to the scheduler, each run lands differently and the
    same server measures 40 or 80 µs a key. Pinned, the floor and reactive are measured in the
    same placement every run: the server on one core, its load on another (as a browser is).
    """
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return None, None
    return {cpus[0]}, {cpus[-1]}


@contextlib.contextmanager
def on_cpus(cpus: set[int] | None) -> Iterator[None]:
    """Run the calling thread on ``cpus`` in the block (None: leave it where it is)."""
    if cpus is None:
        yield
        return
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, cpus)
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def _on_cpus(cpus: set[int], target: Callable[[int], None], port: int) -> None:
    """Run ``target`` on these CPUs only (its threads too: they inherit the mask)."""
    os.sched_setaffinity(0, cpus)
    target(port)


def _serve_reactive(app: rx.App, port: int) -> None:
    logging.getLogger("reactive").setLevel(logging.WARNING)
    with contextlib.redirect_stdout(io.StringIO()):  # serve() prints its URL
        serve(app, host=HOST, port=port)


def reactive_server(bench: BenchApp) -> ServerProcess:
    """The bench app served exactly as ``reactive run`` serves it, in its own process."""
    return ServerProcess(functools.partial(_serve_reactive, bench.app), "The reactive server")

"""The media app in a forked process (as ``reactive run`` serves it), and its CPU time."""

from __future__ import annotations

import logging
import multiprocessing
import os
from types import TracebackType
from typing import Self

from benchmarks.media_apps import Sources, build
from benchmarks.servers import HOST, free_port, wait_until
from reactive.cli import serve

_FORK = multiprocessing.get_context("fork")
_TICKS = os.sysconf("SC_CLK_TCK")


def _serve(port: int, sources: Sources) -> None:
    logging.getLogger("reactive").setLevel(logging.ERROR)
    serve(build(sources), host=HOST, port=port)


class MediaServer:
    """``with MediaServer() as server:`` serves the media app at ``server.url``."""

    def __init__(self) -> None:
        self.port = free_port()
        self.sources = Sources()
        self._process = _FORK.Process(target=_serve, args=(self.port, self.sources), daemon=True)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    @property
    def ws_url(self) -> str:
        return f"ws://{HOST}:{self.port}/ws"

    def cpu_seconds(self) -> float:
        """CPU time of the server and of the children it has reaped (its ffmpeg processes)."""
        with open(f"/proc/{self._process.pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15]) / _TICKS  # utime stime cutime cstime

    def __enter__(self) -> Self:
        self._process.start()
        wait_until(self._accepting, "the media benchmark server")
        return self

    def _accepting(self) -> bool:
        import socket

        if not self._process.is_alive():
            raise RuntimeError(f"the media server exited with code {self._process.exitcode}")
        with socket.socket() as probe:
            return probe.connect_ex((HOST, self.port)) == 0

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._process.terminate()
        self._process.join(timeout=15)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()

"""The media app in a forked process (as ``reactive run`` serves it), and its CPU time."""

from __future__ import annotations

import functools
import logging
import os

from benchmarks.media_apps import Sources, build
from benchmarks.servers import HOST, ServerProcess
from reactive.cli import serve

_TICKS = os.sysconf("SC_CLK_TCK")


def _serve(sources: Sources, port: int) -> None:
    logging.getLogger("reactive").setLevel(logging.ERROR)
    serve(build(sources), host=HOST, port=port)


class MediaServer(ServerProcess):
    """``with MediaServer() as server:`` serves the media app at ``server.url``."""

    def __init__(self) -> None:
        self.sources = Sources()
        super().__init__(functools.partial(_serve, self.sources), "the media benchmark server")

    @property
    def ws_url(self) -> str:
        return f"ws://{HOST}:{self.port}/ws"

    def cpu_seconds(self) -> float:
        """CPU time of the server and of the children it has reaped (its ffmpeg processes)."""
        with open(f"/proc/{self.pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15]) / _TICKS  # utime stime cutime cstime

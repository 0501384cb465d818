"""A peer's app served from its own virtual environment, the way its users start it."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Self

from benchmarks.peers.specs import APPS, PeerSpec
from benchmarks.servers import HOST, free_port

START_TIMEOUT_SECONDS = 180.0  # importing Gradio on a loaded 2-core machine takes a while


class PeerServer:
    """``with PeerServer(spec, python) as server: server.url``; counts the slow runs in a file."""

    def __init__(self, spec: PeerSpec, python: Path) -> None:
        self.spec = spec
        self.port = free_port()
        self._folder = Path(tempfile.mkdtemp(prefix=f"bench-{spec.name}-"))
        self.counts = self._folder / "counts"
        self.log = self._folder / "server.log"
        self._python = python
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def __enter__(self) -> Self:
        self.counts.write_bytes(b"")
        args = [arg.replace("{port}", str(self.port)) for arg in self.spec.command]
        env = {
            **os.environ,
            **self.spec.env,
            "BENCH_PORT": str(self.port),
            "BENCH_COUNTS": str(self.counts),
            "PYTHONPATH": str(APPS),
            "VIRTUAL_ENV": str(self._python.parent.parent),
        }
        with self.log.open("wb") as log:
            self._process = subprocess.Popen(
                [str(self._python), *args], cwd=APPS, env=env, stdout=log, stderr=log
            )
        try:
            self._wait_until_serving()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_until_serving(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        assert self._process is not None
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"{self.spec.name} exited: {self.tail()}")
            try:
                with urllib.request.urlopen(self.url, timeout=5) as response:
                    if response.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.spec.name} did not serve within {START_TIMEOUT_SECONDS:.0f} s")

    def tail(self, lines: int = 5) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        return " / ".join(text[-lines:])

    def reset_counts(self) -> None:
        self.counts.write_bytes(b"")

    def read_counts(self) -> tuple[int, int]:
        marks = self.counts.read_bytes()
        return marks.count(b"s"), marks.count(b"f")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._process is None or self._process.poll() is not None:
            return
        self._process.send_signal(signal.SIGTERM)
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=5)

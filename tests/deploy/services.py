"""Real services for the deployment tests: nginx, redis-server and ``reactive run`` processes.

Each is started on a free loopback port, waited for (its port accepts connections), and stopped
by the PID it was started with. Nothing here touches a system nginx or redis.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NGINX_CONF = REPO / "deploy" / "nginx.conf"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    """Return once ``port`` accepts a connection; fail if ``process`` exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"{process.args!r} exited with {process.returncode} before listening"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listened on port {port} within {timeout} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, then SIGKILL after 10 s: the process started here, by its PID."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def executable(name: str, *candidates: str) -> str:
    found = shutil.which(name) or next((c for c in candidates if os.access(c, os.X_OK)), None)
    if found is None:
        raise RuntimeError(f"{name} is not installed: scripts/check.sh installs it (apt-get)")
    return found


@contextmanager
def redis_server(tmp: Path) -> Iterator[str]:
    """A redis-server of the test's own on a free port, no persistence; yields its URL."""
    port = free_port()
    args = [executable("redis-server", "/usr/bin/redis-server"), "--port", str(port)]
    args += ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp)]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process)


class Worker:
    """One ``reactive run`` process on its own port."""

    def __init__(self, app_file: Path, port: int, env: dict[str, str]) -> None:
        self.port = port
        args = [sys.executable, "-m", "reactive", "run", str(app_file), "--port", str(port)]
        self.process = subprocess.Popen(args, env={**os.environ, **env}, cwd=REPO)

    def kill(self) -> None:
        """``kill -9``: no shutdown, no goodbye to its sockets."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()


@contextmanager
def workers(
    app_file: Path, count: int, env: dict[str, str] | None = None
) -> Iterator[list[Worker]]:
    started = [Worker(app_file, free_port(), env or {}) for _ in range(count)]
    try:
        for worker in started:
            wait_for_port(worker.port, worker.process)
        yield started
    finally:
        for worker in started:
            stop(worker.process)


def nginx_site(listen: int, upstreams: Sequence[int]) -> str:
    """The shipped ``deploy/nginx.conf`` with this test's port and upstream servers."""
    lines: list[str] = []
    for line in NGINX_CONF.read_text().splitlines():
        stripped = line.strip()
        if stripped.startswith("server 127.0.0.1:"):
            continue  # the shipped example's upstreams: replaced below
        if stripped.startswith("hash "):
            lines.append(line)
            indent = line[: len(line) - len(line.lstrip())]
            lines += [f"{indent}server 127.0.0.1:{port};" for port in upstreams]
            continue
        if stripped.startswith("listen "):
            line = line.replace(stripped, f"listen 127.0.0.1:{listen};")
        lines.append(line)
    return "\n".join(lines) + "\n"


@contextmanager
def nginx(tmp: Path, upstreams: Sequence[int]) -> Iterator[int]:
    """Debian's nginx in the foreground with a config of its own in ``tmp``; yields its port."""
    port = free_port()
    tmp.mkdir(parents=True, exist_ok=True)
    tmp.chmod(0o755)
    (tmp / "site.conf").write_text(nginx_site(port, upstreams))
    user = "user root;\n" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {tmp}/nginx.pid;\n"
        f"error_log {tmp}/error.log warn;\nevents {{ worker_connections 1024; }}\n"
        f"http {{\n  access_log {tmp}/access.log;\n"
        + "".join(
            f"  {name}_temp_path {tmp}/{name};\n"
            for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + f"  include {tmp}/site.conf;\n}}\n"
    )
    binary = executable("nginx", "/usr/sbin/nginx")
    process = subprocess.Popen([binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf")])
    try:
        wait_for_port(port, process)
        yield port
    finally:
        stop(process)

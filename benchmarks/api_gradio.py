"""``--api --gradio``: the ``--api`` function served by Gradio from its own venv, timed through
``gradio_client`` by a driver run with that venv's Python (``benchmarks/gradio_side/``).

The venv is the peers benchmark's (``benchmarks/peers/install.py``): reused if present, made if
not. Whatever fails (install, start, driver) becomes the row's ``n/a: why``, never an exception.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.api_table import Figure, NotAvailable, Result
from benchmarks.peers import install
from benchmarks.servers import HOST, free_port

SIDE = Path(__file__).parent / "gradio_side"
MARKER = "BENCH_GRADIO"  # the driver's result line starts with it (gradio_client prints too)
START_TIMEOUT_SECONDS = 180.0  # importing Gradio on a loaded 2-core machine takes a while
DRIVE_TIMEOUT_SECONDS = 900.0
GRADIO = next(peer for peer in install.PEERS if peer.name == "gradio")


def parse_driver_output(stdout: str) -> list[float]:
    """The round trips (ms) from the driver's last ``MARKER {json}`` line."""
    lines = [line for line in stdout.splitlines() if line.startswith(MARKER + " ")]
    if not lines:
        raise ValueError(f"the driver printed no {MARKER} line")
    found = json.loads(lines[-1][len(MARKER) + 1 :])
    samples = found.get("predict") if isinstance(found, dict) else None
    if not isinstance(samples, list) or not all(isinstance(s, int | float) for s in samples):
        raise ValueError(f"the {MARKER} line holds no list of round trips")
    return [float(sample) for sample in samples]


def figure_from_driver(returncode: int, stdout: str, stderr: str) -> Result:
    """The driver's figure, or why there is none (its exit code and last words)."""
    if returncode != 0:
        return NotAvailable(f"driver exited {returncode}: {_last_line(stderr or stdout)}")
    try:
        return Figure.of(parse_driver_output(stdout))
    except ValueError as error:
        return NotAvailable(str(error))


def _last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1].strip() if lines else "no output"


def _env() -> dict[str, str]:
    """Our environment without our import path: Gradio's side imports only from its venv."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return {**env, "GRADIO_ANALYTICS_ENABLED": "False"}


def _serving(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Gradio exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"Gradio did not serve within {START_TIMEOUT_SECONDS:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


class GradioApp:
    """The Gradio app served from ``python``'s venv; ``drive`` times gradio_client against it."""

    def __init__(self, python: Path, process: subprocess.Popen[bytes], port: int) -> None:
        self.python = python
        self.process = process
        self.url = f"http://{HOST}:{port}/"

    def drive(self, calls: int, warmup: int) -> Result:
        command = [str(self.python), str(SIDE / "driver.py"), self.url, str(calls), str(warmup)]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, env=_env(), timeout=DRIVE_TIMEOUT_SECONDS
            )
        except subprocess.TimeoutExpired:
            return NotAvailable(f"driver took over {DRIVE_TIMEOUT_SECONDS:.0f} s")
        return figure_from_driver(done.returncode, done.stdout, done.stderr)


@contextmanager
def gradio_app() -> Iterator[GradioApp | NotAvailable]:
    """The served app until the block ends, or why there is none (install or start failed)."""
    found = install.install(GRADIO)
    if found.python is None:
        yield NotAvailable(found.error)
        return
    port = free_port()
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [str(found.python), str(SIDE / "app.py"), str(port)],
            cwd=SIDE,
            env=_env(),
            stdout=log,
            stderr=log,
        )
        try:
            app = GradioApp(found.python, process, port)
            try:
                _serving(app.url, process)
            except RuntimeError as error:
                log.seek(0)
                yield NotAvailable(f"{error}: {_last_line(log.read().decode(errors='replace'))}")
                return
            yield app
        finally:
            _stop(process)

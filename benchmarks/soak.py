"""``python -m benchmarks --soak [--minutes M] [--sessions N]``: sessions cycling for minutes.

N protocol-level sessions (the ``websockets`` asyncio client, in this process) each loop:
connect → hello → start a streaming generator → read a few of its values → drop the socket
mid-stream without a goodbye. The server (the soak app, served as ``reactive run`` serves it,
in its own process) is sampled every few seconds: its resident memory, threads and open file
descriptors from ``/proc``, and, through a census function of the app itself, its asyncio tasks
and live sessions. The table gives the first, the last and the largest sample of each after a
warm-up, and the plot (matplotlib, when installed) goes to ``docs/soak.png``.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgpack
from websockets.asyncio.client import connect

import reactive as rx
from benchmarks.servers import HOST, ServerProcess, _serve_reactive

PLOT = Path(__file__).parent.parent / "docs" / "soak.png"
SAMPLE_SECONDS = 5.0
WARMUP_SECONDS = 30.0
CONNECT_TIMEOUT = 10.0


def soak_app() -> rx.App:
    app = rx.App(title="soak")

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"),
            trigger=rx.Button("Go", elem_id="go"))  # fmt: skip
    async def stream(q: str) -> Any:
        for i in range(1000):
            await asyncio.sleep(0.01)
            yield f"{q} {i}"

    @app.fn(inputs=[], outputs=rx.JSON(elem_id="census"),
            trigger=rx.Button("Census", elem_id="count"))  # fmt: skip
    async def census() -> dict[str, int]:  # async: it runs on the server's own loop
        return {"tasks": len(asyncio.all_tasks())}

    return app


@dataclass
class Sample:
    seconds: float
    rss_mib: float
    threads: int
    fds: int
    tasks: int
    cycles: int


@dataclass
class Soak:
    samples: list[Sample] = field(default_factory=list)
    cycles: int = 0
    errors: int = 0


def _proc(pid: int) -> tuple[float, int, int]:
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    rss = int(fields["VmRSS"].split()[0]) / 1024
    threads = int(fields["Threads"])
    fds = len(os.listdir(f"/proc/{pid}/fd"))
    return rss, threads, fds


async def _session(url: str, soak: Soak, stop: float, tag: str) -> None:
    while time.monotonic() < stop:
        try:
            async with connect(url, open_timeout=CONNECT_TIMEOUT, compression=None) as ws:
                await ws.send(msgpack.packb({"t": "hello", "v": 1, "session": None}))
                await ws.recv()
                await ws.send(msgpack.packb({"t": "input", "c": "q", "v": tag}))
                await ws.send(msgpack.packb({"t": "trigger", "c": "go", "e": "click"}))
                for _ in range(random.randint(1, 6)):  # a few values, then gone mid-stream
                    batch = msgpack.unpackb(await asyncio.wait_for(ws.recv(), 10))
                    if batch.get("t") == "batch":
                        await ws.send(msgpack.packb({"t": "ack", "n": batch["n"]}))
                ws.transport.abort()  # no close frame: a tab killed, a network gone
            soak.cycles += 1
        except Exception:  # counted: the soak goes on (a refused connect, a timeout)
            soak.errors += 1
            await asyncio.sleep(0.5)


async def _census(url: str) -> int:
    async with connect(url, open_timeout=CONNECT_TIMEOUT, compression=None) as ws:
        await ws.send(msgpack.packb({"t": "hello", "v": 1, "session": None}))
        await ws.recv()
        await ws.send(msgpack.packb({"t": "trigger", "c": "count", "e": "click"}))
        while True:
            message = msgpack.unpackb(await asyncio.wait_for(ws.recv(), 10))
            if message.get("t") != "batch":
                continue
            await ws.send(msgpack.packb({"t": "ack", "n": message["n"]}))
            for event in message["e"]:
                if event["t"] == "update" and event["c"] == "census":
                    return int(event["v"]["tasks"])


async def _soak(server: ServerProcess, sessions: int, seconds: float) -> Soak:
    url = f"ws://{HOST}:{server.port}/ws"
    soak = Soak()
    start = time.monotonic()
    stop = start + seconds
    workers = [
        asyncio.create_task(_session(url, soak, stop, f"s{index}")) for index in range(sessions)
    ]
    while time.monotonic() < stop:
        await asyncio.sleep(SAMPLE_SECONDS)
        rss, threads, fds = _proc(server.pid)
        tasks = await _census(url)
        soak.samples.append(Sample(time.monotonic() - start, rss, threads, fds, tasks, soak.cycles))
    await asyncio.gather(*workers)
    return soak


def _plot(soak: Soak) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    minutes = [s.seconds / 60 for s in soak.samples]
    figure, axes = plt.subplots(3, 1, figsize=(7, 6), sharex=True)
    axes[0].plot(minutes, [s.rss_mib for s in soak.samples])
    axes[0].set_ylabel("RSS (MiB)")
    axes[1].plot(minutes, [s.tasks for s in soak.samples], label="asyncio tasks")
    axes[1].plot(minutes, [s.fds for s in soak.samples], label="open fds")
    axes[1].legend(loc="upper left")
    axes[2].plot(minutes, [s.threads for s in soak.samples])
    axes[2].set_ylabel("threads")
    axes[2].set_xlabel("minutes")
    figure.suptitle(f"soak: sessions cycling connect → stream → abort ({soak.cycles} cycles)")
    figure.tight_layout()
    PLOT.parent.mkdir(exist_ok=True)
    figure.savefig(PLOT, dpi=80)
    plt.close(figure)
    return PLOT


def _row(name: str, values: list[float]) -> str:
    return f"| {name} | {values[0]:.0f} | {values[-1]:.0f} | {max(values):.0f} |"


def run(minutes: float, sessions: int) -> int:
    serve = functools.partial(_serve_reactive, soak_app())
    with ServerProcess(serve, "the soak server") as server:
        soak = asyncio.run(_soak(server, sessions, minutes * 60))
    steady = [s for s in soak.samples if s.seconds >= WARMUP_SECONDS] or soak.samples
    print(f"{sessions} sessions for {minutes:g} min: {soak.cycles} cycles, {soak.errors} errors")
    print("| after the warm-up | first | last | max |\n|---|---|---|---|")
    print(_row("server RSS (MiB)", [s.rss_mib for s in steady]))
    print(_row("asyncio tasks", [float(s.tasks) for s in steady]))
    print(_row("threads", [float(s.threads) for s in steady]))
    print(_row("open fds", [float(s.fds) for s in steady]))
    plot = _plot(soak)
    print(f"plot: {plot}" if plot else "plot: matplotlib is not installed")
    results = Path(__file__).parent / "results"
    results.mkdir(exist_ok=True)
    (results / "soak.json").write_text(json.dumps([s.__dict__ for s in soak.samples]))
    return 0

"""The runtime scenarios, each against a fresh server process, driven by protocol-level pages.

- :func:`cpu_per_key`: the server's CPU time (user + sys, ``/proc/<pid>/stat``) per keystroke,
  one at a time or in a burst, reactive and the floor;
- :func:`blocking`: hammer sessions typing into a ``time.sleep(5)`` function, a bystander typing
  into ``text.upper()``;
- :func:`locks`: 500 fast keystrokes into lock-and-queue code, then its diagnostic;
- :func:`typing_variant`: 20 keystrokes 30 ms apart into a 100 ms function.

Every wait has a deadline, every loop a bound; the servers are killed if they do not stop.
"""

from __future__ import annotations

import contextlib
import functools
import os
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.synchronize import Event as EventType
from pathlib import Path
from typing import Any

from benchmarks.floor import FloorServer
from benchmarks.runtime_apps import (
    PROCESS_VARIANTS,
    QUEUE_TOKENS,
    GaugeReading,
    RuntimeApp,
    file_counts,
    reset_file_counts,
)
from benchmarks.runtime_client import FloorPage, Page, ProtocolError
from benchmarks.servers import _FORK, HOST, ServerProcess, _serve_reactive, on_cpus, placement

_TICKS = os.sysconf("SC_CLK_TCK")
STOP_GRACE_SECONDS = 2.0  # then SIGKILL: sleeping worker threads would hold the exit up

CPU_SETTLE_SECONDS = 0.05  # the last statuses after the final output, counted in
BURST_DRAIN_EVERY = 50  # keystrokes sent between two reads (and acks) in a burst
HAMMER_KEYS = 50
HAMMER_INTERVAL_SECONDS = 0.03
IDLE_SECONDS = 1.5
LOAD_SECONDS = 3.0  # the bystander types this long from the hammers' first key
BYSTANDER_GAP_SECONDS = (0.005, 0.025)
BYSTANDER_MAX_KEYS = 400
BYSTANDER_KEY_TIMEOUT = 8.0  # a keystroke that waits longer is counted at this value
LOCK_KEYS = 500
LOCK_GAP_SECONDS = (0.002, 0.012)
LOCK_SETTLE_SECONDS = 0.5  # stopped runs leave their finally blocks
TYPING_KEYS = 20
TYPING_INTERVAL_SECONDS = 0.03
TYPING_SETTLE_SECONDS = 0.35  # the run counts must stay the same this long to be read
TYPING_SETTLE_MAX_SECONDS = 6.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` (all its threads, living or ended)."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _serve_runtime(bench: RuntimeApp, sample: bool, port: int) -> None:
    if sample:  # started before serving, outside any run (see Gauges.start_sampler)
        bench.gauges.start_sampler(bench.gauges.code)
    _serve_reactive(bench.app, port)


class RuntimeServer(ServerProcess):
    """The runtime app as ``reactive run`` serves it; killed if it does not stop at once.

    ``sample``: run the gauges' sampler thread in it (only where counted: it costs CPU).
    """

    def __init__(
        self, bench: RuntimeApp, sample: bool = False, cpus: set[int] | None = None
    ) -> None:
        serve = functools.partial(_serve_runtime, bench, sample)
        # Killed soon if it does not stop: blocked calls may hold it for their whole 5 s.
        super().__init__(serve, "the runtime server", stop_grace=STOP_GRACE_SECONDS, cpus=cpus)

    @property
    def ws_url(self) -> str:
        return f"ws://{HOST}:{self.port}/ws"


def keystroke_texts(count: int, tag: str) -> list[str]:
    """Unique texts of a typist's length (the output of each tells which keystroke it was)."""
    return [f"{tag}{index} " + "x" * (index % 40) for index in range(count)]


# ---------------------------------------------------------------- 1. CPU per keystroke


@dataclass(frozen=True, slots=True)
class CpuRun:
    keys: int
    cpu_seconds: float
    wall_seconds: float

    @property
    def cpu_us_per_key(self) -> float:
        return self.cpu_seconds / self.keys * 1e6


def cpu_per_key(
    server: RuntimeServer, keys: int, burst: bool, tag: str, name: str = "rt_key"
) -> CpuRun:
    """Keystrokes into ``<name>_in`` (``rt_key``: a sync function, ``rt_akey``: async)."""
    texts = keystroke_texts(keys, tag)
    source, target = f"{name}_in", f"{name}_out"
    with Page(server.ws_url) as page:
        for text in keystroke_texts(20, f"warm-{tag}"):
            page.send_input(source, text)
            page.wait_for(target, text.upper())
        time.sleep(CPU_SETTLE_SECONDS)
        page.drain()
        before, start = cpu_seconds(server.pid), time.perf_counter()
        if burst:
            for index, text in enumerate(texts):
                page.send_input(source, text)
                if index % BURST_DRAIN_EVERY == 0:
                    page.drain()  # ack what came in, as a page would
            page.wait_for(target, texts[-1].upper(), timeout=60)
        else:
            for text in texts:
                page.send_input(source, text)
                page.wait_for(target, text.upper())
        wall = time.perf_counter() - start
        time.sleep(CPU_SETTLE_SECONDS)
        page.drain()
        spent = cpu_seconds(server.pid) - before
    return CpuRun(keys, spent, wall)


def floor_cpu_per_key(floor: FloorServer, keys: int, burst: bool, tag: str) -> CpuRun:
    texts = keystroke_texts(keys, tag)
    with FloorPage(f"ws://{HOST}:{floor.port}/key") as page:
        for text in keystroke_texts(20, f"warm-{tag}"):
            page.send(text)
            page.wait_for(text.upper())
        before, start = cpu_seconds(floor.pid), time.perf_counter()
        if burst:
            for text in texts:
                page.send(text)
            page.wait_for(texts[-1].upper(), timeout=60)
        else:
            for text in texts:
                page.send(text)
                page.wait_for(text.upper())
        wall = time.perf_counter() - start
        time.sleep(CPU_SETTLE_SECONDS)
        spent = cpu_seconds(floor.pid) - before
    return CpuRun(keys, spent, wall)


# ---------------------------------------------------------------- 2. blocking calls


@dataclass(frozen=True, slots=True)
class BlockingRun:
    hammers: int
    gauges: GaugeReading
    idle_ms: list[float]
    loaded_ms: list[float]
    timeouts: int  # bystander keystrokes that waited BYSTANDER_KEY_TIMEOUT or more
    hammers_failed: bool  # a hammer session hit an error (its process exited with 1)


def pooled(runs: list[BlockingRun]) -> BlockingRun:
    """The timed samples of several runs of one scenario as one run (the first one's gauges)."""
    return BlockingRun(
        runs[0].hammers,
        runs[0].gauges,
        [ms for run in runs for ms in run.idle_ms],
        [ms for run in runs for ms in run.loaded_ms],
        sum(run.timeouts for run in runs),
        any(run.hammers_failed for run in runs),
    )


def _bystander(page: Page, seconds: float, tag: str) -> tuple[list[float], int]:
    """Keystrokes into ``rt_key`` for ``seconds``, each timed to its output (ms)."""
    found: list[float] = []
    timeouts = 0
    end = time.perf_counter() + seconds
    for index, text in enumerate(keystroke_texts(BYSTANDER_MAX_KEYS, tag)):
        if time.perf_counter() >= end:
            break
        sent = time.perf_counter()
        page.send_input("rt_key_in", text)
        try:
            shown = page.wait_for("rt_key_out", text.upper(), timeout=BYSTANDER_KEY_TIMEOUT)
        except ProtocolError:
            shown, timeouts = sent + BYSTANDER_KEY_TIMEOUT, timeouts + 1
        found.append((shown - sent) * 1000)
        if index % 2 == 0:
            time.sleep(random.uniform(*BYSTANDER_GAP_SECONDS))
    return found, timeouts


def _hammer(
    page: Page, target: str, name: str, go: EventType, stop: EventType, errors: list[str]
) -> None:
    try:
        if not go.wait(20):
            return
        next_key = time.perf_counter()
        for index in range(HAMMER_KEYS):
            page.send_input(target, f"{name}:{index}")
            page.drain()
            next_key += HAMMER_INTERVAL_SECONDS
            time.sleep(max(0.0, next_key - time.perf_counter()))
        for _ in range(400):  # keep the session open (and acknowledged) until told
            if stop.wait(0.05):
                break
            page.drain()
    except Exception as exc:  # counted, not raised: one broken hammer must not hang the run
        errors.append(repr(exc))


def _hammers(
    ws_url: str, target: str, count: int, ready: EventType, go: EventType, stop: EventType
) -> None:
    """In a forked process: ``count`` sessions typing into ``target`` on ``go``.

    At the idle scheduling class: on 2 cores its own CPU (16 client threads) would otherwise
    delay the bystander's client or the server, a cost of the harness, not of the server's
    handling of the hammers' keystrokes, which is what the bystander figure measures.
    """
    os.sched_setaffinity(0, range(os.cpu_count() or 1))  # forked on the driver's core: any
    os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    pages = [Page(ws_url) for _ in range(count)]
    errors: list[str] = []
    threads = [
        threading.Thread(
            target=_hammer, args=(page, target, f"h{k}", go, stop, errors), daemon=True
        )
        for k, page in enumerate(pages)
    ]
    for thread in threads:
        thread.start()
    ready.set()
    for thread in threads:
        thread.join(timeout=30)
    for page in pages:
        with contextlib.suppress(Exception):
            page.close()
    os._exit(1 if errors else 0)


@dataclass
class _Hammers:
    go: EventType
    stop: EventType
    exitcode: int | None = None


@contextlib.contextmanager
def _hammer_process(ws_url: str, target: str, count: int) -> Iterator[_Hammers]:
    ready, go, stop = _FORK.Event(), _FORK.Event(), _FORK.Event()
    hammers = _Hammers(go, stop)
    process = _FORK.Process(
        target=_hammers, args=(ws_url, target, count, ready, go, stop), daemon=True
    )
    process.start()
    try:
        if not ready.wait(15):
            raise RuntimeError("the hammer sessions did not connect within 15 s")
        yield hammers
    finally:
        stop.set()
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
        hammers.exitcode = process.exitcode


def blocking(
    bench: RuntimeApp, hammers: int, *, sample: bool, target: str = "block_in"
) -> BlockingRun:
    """Hammers typing into ``target`` while a bystander types into ``rt_key``.

    ``sample``: count the blocked threads (the sampler walks every thread's stack every 5 ms,
    holding the GIL: latencies are measured in a run without it).
    """
    driver_cpus, server_cpus = placement()
    with (
        on_cpus(driver_cpus),
        RuntimeServer(bench, sample=sample, cpus=server_cpus) as server,
        _hammer_process(server.ws_url, target, hammers) as hammering,
    ):
        with Page(server.ws_url) as bystander:
            _bystander(bystander, 0.3, "warm")
            idle, _ = _bystander(bystander, IDLE_SECONDS, "idle")
            bench.gauges.reset()
            hammering.go.set()
            loaded, timeouts = _bystander(bystander, LOAD_SECONDS, "loaded")
            gauges = bench.gauges.read()
        hammering.stop.set()
    failed = hammering.exitcode != 0
    return BlockingRun(hammers, gauges, idle, loaded, timeouts, failed)


# ---------------------------------------------------------------- 3. lock and queue


@dataclass(frozen=True, slots=True)
class LockRun:
    keys: int
    started: int
    finished: int
    final_shown: bool
    tokens: int  # tokens in the queue afterwards (-1: its mutex could not be taken)
    lock_free: bool
    mutex_free: bool
    report_error: str

    @property
    def tokens_lost(self) -> int:
        return QUEUE_TOKENS if self.tokens < 0 else max(0, QUEUE_TOKENS - self.tokens)

    @property
    def corruptions(self) -> int:
        return self.tokens_lost + (not self.lock_free) + (not self.mutex_free)


def locks(bench: RuntimeApp) -> LockRun:
    bench.lock_runs.reset()
    texts = keystroke_texts(LOCK_KEYS, "lock")
    with RuntimeServer(bench) as server, Page(server.ws_url) as page:
        for text in texts:
            page.send_input("lock_in", text)
            page.drain()
            time.sleep(random.uniform(*LOCK_GAP_SECONDS))
        try:
            page.wait_for("lock_out", texts[-1].upper(), timeout=5)
            final_shown = True
        except ProtocolError:
            final_shown = False
        time.sleep(LOCK_SETTLE_SECONDS)
        page.drain()
        counts = bench.lock_runs.read()
        page.click("lock_check")
        try:
            report: dict[str, Any] = page.wait_for_any("lock_report", timeout=10)
            error = ""
        except ProtocolError as exc:
            report, error = {"tokens": -1, "lock_free": False, "mutex_free": False}, str(exc)
    return LockRun(
        LOCK_KEYS,
        counts.started,
        counts.finished,
        final_shown,
        int(report["tokens"]),
        bool(report["lock_free"]),
        bool(report["mutex_free"]),
        error,
    )


# ---------------------------------------------------------------- 4. typing variants


@dataclass(frozen=True, slots=True)
class VariantRun:
    final_ms: float  # last keystroke sent → final output received
    started: int
    finished: int


def _typed(tag: str) -> list[str]:
    return [tag + "k" * (index + 1) for index in range(TYPING_KEYS)]


def typing_variant(
    page: Page, bench: RuntimeApp, variant: str, runs_dir: Path, tag: str
) -> VariantRun:
    texts = _typed(tag)
    if variant in PROCESS_VARIANTS:
        reset_file_counts(runs_dir, variant)
    else:
        bench.variant_runs[variant].reset()
    next_key = time.perf_counter()
    last = next_key
    for text in texts:
        time.sleep(max(0.0, next_key - time.perf_counter()))
        last = time.perf_counter()
        page.send_input(f"var_{variant}_in", text)
        page.drain()
        next_key += TYPING_INTERVAL_SECONDS
    shown = page.wait_for(f"var_{variant}_out", texts[-1].upper(), timeout=15)

    def read() -> tuple[int, int]:
        page.drain()
        if variant in PROCESS_VARIANTS:
            return file_counts(runs_dir, variant)
        counts = bench.variant_runs[variant].read()
        return counts.started, counts.finished

    started, finished = _settled(read)
    return VariantRun((shown - last) * 1000, started, finished)


def _settled(read: Callable[[], tuple[int, int]]) -> tuple[int, int]:
    """The counts once they stop changing: superseded calls still running end (or time out).

    Stopped runs never finish, so the counts settle at once; runs that go on are waited for, up
    to TYPING_SETTLE_MAX_SECONDS, so that they are counted and do not overlap the next run.
    """
    deadline = time.monotonic() + TYPING_SETTLE_MAX_SECONDS
    counts = read()
    stable_since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        now = read()
        if now != counts:
            counts, stable_since = now, time.monotonic()
        elif time.monotonic() - stable_since >= TYPING_SETTLE_SECONDS:
            break
    return counts


def floor_typing(floor: FloorServer, tag: str) -> VariantRun:
    texts = _typed(tag)
    floor.typing_runs.reset()
    with FloorPage(f"ws://{HOST}:{floor.port}/typing") as page:
        next_key = time.perf_counter()
        last = next_key
        for text in texts:
            time.sleep(max(0.0, next_key - time.perf_counter()))
            last = time.perf_counter()
            page.send(text)
            next_key += TYPING_INTERVAL_SECONDS
        shown = page.wait_for(texts[-1].upper(), timeout=15)
        time.sleep(TYPING_SETTLE_SECONDS)
    counts = floor.typing_runs.read()
    return VariantRun((shown - last) * 1000, counts.started, counts.finished)

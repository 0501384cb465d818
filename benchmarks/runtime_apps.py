"""The app of the session-runtime rows (``--runtime``): worst realistic cases for stopping work.

Element ids (the component ids on the wire):

- ``rt_key_in`` → ``rt_key_out``: ``text.upper()``, ``live=True`` (server CPU per keystroke,
  and the bystander of the blocking rows); ``rt_akey_*`` the same as an ``async def``;
- ``block_in`` → ``block_out``: ``time.sleep(5)``, ``live=True``; a sampler thread in the
  server process counts the calls running at once, per session (the text says which hammer);
- ``lock_in`` → ``lock_out``: correct ``try/finally`` code around a module-level
  ``queue.Queue(maxsize=4)`` token and a module-level ``threading.Lock``; ``lock_check``
  (button) → ``lock_report`` (json) says what state they were left in;
- ``var_{thread,process}_{sleep,spin}_in`` → ``…_out``: the 20-keystroke typing workload with a
  ``time.sleep(0.1)`` body and a pure-Python busy-loop body of 100 ms of CPU, in worker threads and
  (once ``@app.fn(run_in="process")`` exists) in a process pool.

Everything here runs in the forked server process; the figures reach the benchmark through
shared memory (``counters``, :class:`Gauges`) or, for the process pool (whose workers may not be
forked from the server), through files named by environment variables.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import random
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import reactive as rx
from benchmarks.counters import RunCounter
from benchmarks.payloads import SLOW_SECONDS

_FORK = multiprocessing.get_context("fork")

BLOCK_SECONDS = 5.0
SAMPLE_SECONDS = 0.005  # the sampler's period
SAMPLER_MAX_SECONDS = 120.0  # it stops by itself after this long
QUEUE_TOKENS = 4
LOCK_WAIT_SECONDS = 1.0  # the lock-and-queue function gives up waiting after this long
WORK_MS = (2.0, 20.0)  # its pure-Python work, randomised
THREAD_VARIANTS = ("thread_sleep", "thread_spin", "thread_checkpoint")
PROCESS_VARIANTS = ("process_sleep", "process_spin")
VARIANTS = (*THREAD_VARIANTS, *PROCESS_VARIANTS)
#: Where the process-pool functions count their runs (set before the server is forked).
RUNS_DIR_ENV = "RX_BENCH_RUNS_DIR"


# ---------------------------------------------------------------- pure-Python work


def spin(iterations: int) -> int:
    """Pure-Python bytecode (no call into C that could hold the GIL or dodge an interrupt)."""
    total = 0
    for index in range(iterations):
        total = (total + index) & 0xFFFF  # small ints: every iteration costs the same
    return total


def spin_cpu(seconds: float) -> None:
    """Pure-Python work until this thread has had ``seconds`` of CPU (``time.thread_time``).

    CPU time, not wall time: on a loaded machine the body is still ~100 ms of bytecode, and a
    stale call that goes on competes with the new one for the GIL.
    """
    start = time.thread_time()
    while time.thread_time() - start < seconds:
        spin(2_000)


def spin_cpu_checkpointed(seconds: float) -> None:
    """:func:`spin_cpu` that calls ``rx.checkpoint()`` between chunks (about every 0.1 ms): a
    superseded call stops there, raising ``rx.Cancelled``, and is not counted as finished."""
    start = time.thread_time()
    while time.thread_time() - start < seconds:
        rx.checkpoint()
        spin(2_000)


# ---------------------------------------------------------------- blocking calls


@dataclass(frozen=True, slots=True)
class GaugeReading:
    per_session: int  # the most blocking calls one session had running at once
    total: int  # the most blocking calls running at once, all sessions
    threads: int  # the most threads the server process had (threading.active_count())


class Gauges:
    """Maxima written by the sampler thread in the server, read by the benchmark."""

    def __init__(self) -> None:
        self._per_session = _FORK.Value("i", 0)
        self._total = _FORK.Value("i", 0)
        self._threads = _FORK.Value("i", 0)
        self._started = threading.Lock()
        self._running = False
        #: The code of the function whose running calls are counted.
        self.code: Any = None

    def reset(self) -> None:
        for value in (self._per_session, self._total, self._threads):
            with value.get_lock():
                value.value = 0

    def read(self) -> GaugeReading:
        return GaugeReading(self._per_session.value, self._total.value, self._threads.value)

    def start_sampler(self, code: Any) -> None:
        """Start (once per process) the thread that samples the frames running ``code``.

        Called in the server process before it serves, never from app code: a run stopped by
        an asynchronous exception while inside ``Thread.start()`` would kill the new thread.
        """
        with self._started:
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._sample, args=(code,), daemon=True, name="bench-gauge").start()

    def _sample(self, code: Any) -> None:
        deadline = time.monotonic() + SAMPLER_MAX_SECONDS
        while time.monotonic() < deadline:
            per_session: dict[str, int] = {}
            for frame in list(sys._current_frames().values()):
                seen: Any = frame
                for _ in range(12):  # the function's frame is a few calls below the top
                    if seen is None:
                        break
                    if seen.f_code is code:
                        owner = str(seen.f_locals.get("text", "")).split(":", 1)[0]
                        per_session[owner] = per_session.get(owner, 0) + 1
                        break
                    seen = seen.f_back
            _raise_to(self._per_session, max(per_session.values(), default=0))
            _raise_to(self._total, sum(per_session.values()))
            _raise_to(self._threads, threading.active_count())
            time.sleep(SAMPLE_SECONDS)


def _raise_to(value: Any, candidate: int) -> None:
    if candidate > value.value:
        with value.get_lock():
            value.value = max(value.value, candidate)


# ---------------------------------------------------------------- lock and queue

#: Module-level, as app code keeps them: every session's calls share them.
TOKENS: queue.Queue[int] = queue.Queue(maxsize=QUEUE_TOKENS)
for _token in range(QUEUE_TOKENS):
    TOKENS.put_nowait(_token)
LOCK = threading.Lock()


def locked_work(text: str, runs: RunCounter) -> str:
    """Correct code: whatever happens, the token goes back and the lock is released."""
    runs.start()
    token = TOKENS.get(timeout=LOCK_WAIT_SECONDS)
    try:
        if not LOCK.acquire(timeout=LOCK_WAIT_SECONDS):
            raise RuntimeError("the lock is held")
        try:
            spin_cpu(random.uniform(*WORK_MS) / 1000)
        finally:
            LOCK.release()
    finally:
        TOKENS.put(token)
    runs.finish()
    return text.upper()


def lock_report() -> dict[str, Any]:
    """What the lock and the queue were left in, without ever blocking for good."""
    mutex_free = TOKENS.mutex.acquire(timeout=LOCK_WAIT_SECONDS)
    tokens = -1
    if mutex_free:
        try:
            tokens = len(TOKENS.queue)
        finally:
            TOKENS.mutex.release()
    lock_free = LOCK.acquire(timeout=LOCK_WAIT_SECONDS)
    if lock_free:
        LOCK.release()
    return {"tokens": tokens, "lock_free": lock_free, "mutex_free": mutex_free}


# ---------------------------------------------------------------- process pool variants


def _mark(name: str, stage: str) -> None:
    folder = os.environ.get(RUNS_DIR_ENV)
    if folder is None:
        return
    handle = os.open(Path(folder) / f"{name}.{stage}", os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(handle, b".")
    finally:
        os.close(handle)


def process_sleep(text: str) -> str:
    """Runs in the process pool: module-level, so that it pickles by name."""
    _mark("process_sleep", "started")
    time.sleep(SLOW_SECONDS)
    _mark("process_sleep", "finished")
    return text.upper()


def process_spin(text: str) -> str:
    _mark("process_spin", "started")
    spin_cpu(SLOW_SECONDS)
    _mark("process_spin", "finished")
    return text.upper()


def file_counts(folder: Path, name: str) -> tuple[int, int]:
    """(started, finished) of a process-pool function, counted in ``folder``."""

    def size(stage: str) -> int:
        path = folder / f"{name}.{stage}"
        return path.stat().st_size if path.exists() else 0

    return size("started"), size("finished")


def reset_file_counts(folder: Path, name: str) -> None:
    for stage in ("started", "finished"):
        (folder / f"{name}.{stage}").unlink(missing_ok=True)


# ---------------------------------------------------------------- the app


@dataclass
class RuntimeApp:
    app: rx.App
    gauges: Gauges
    lock_runs: RunCounter
    #: Thread variants' runs (shared memory); the process variants count in files.
    variant_runs: dict[str, RunCounter]
    #: Why ``run_in="process"`` could not be declared, or None if it was.
    process_unsupported: str | None = None


def build_runtime_app() -> RuntimeApp:
    app = rx.App(title="reactive runtime benchmarks")
    bench = RuntimeApp(
        app,
        Gauges(),
        RunCounter(),
        {name: RunCounter() for name in THREAD_VARIANTS},
    )
    _add_keystrokes(app)
    _add_blocking(app, bench.gauges)
    _add_locks(app, bench.lock_runs)
    _add_thread_variants(app, bench.variant_runs)
    bench.process_unsupported = _add_process_variants(app)
    return bench


def _io(name: str) -> tuple[rx.Textbox, rx.Text]:
    return rx.Textbox(elem_id=f"{name}_in"), rx.Text(elem_id=f"{name}_out")


def _add_keystrokes(app: rx.App) -> None:
    control_in, control_out = _io("control")

    @app.fn(inputs=control_in, outputs=control_out, live=True)
    def control(text: str) -> str:  # the hammers' control target: the same traffic, no blocking
        return text.upper()

    source, target = _io("rt_key")

    @app.fn(inputs=source, outputs=target, live=True)
    def rt_shout(text: str) -> str:
        return text.upper()

    async_source, async_target = _io("rt_akey")  # the same, async: no thread hop

    @app.fn(inputs=async_source, outputs=async_target, live=True)
    async def rt_ashout(text: str) -> str:
        return text.upper()


def _add_blocking(app: rx.App, gauges: Gauges) -> None:
    source, target = _io("block")

    def blocking(text: str) -> str:  # text is "<hammer>:<key>"; the sampler reads it
        time.sleep(BLOCK_SECONDS)
        return text.upper()

    app.fn(inputs=source, outputs=target, live=True)(blocking)
    gauges.code = blocking.__code__


def _add_locks(app: rx.App, runs: RunCounter) -> None:
    source, target = _io("lock")

    @app.fn(inputs=source, outputs=target, live=True)
    def lock_and_queue(text: str) -> str:
        return locked_work(text, runs)

    @app.fn(
        outputs=rx.JSON(elem_id="lock_report"),
        trigger=rx.Button("Check", elem_id="lock_check"),
    )
    def lock_check() -> dict[str, Any]:
        return lock_report()


def _add_thread_variants(app: rx.App, runs: dict[str, RunCounter]) -> None:
    def counted(name: str, body: Callable[[], object]) -> None:
        counter = runs[name]
        source, target = _io(f"var_{name}")

        def variant(text: str) -> str:
            counter.start()
            body()
            counter.finish()
            return text.upper()

        variant.__name__ = f"var_{name}"
        app.fn(inputs=source, outputs=target, live=True)(variant)

    counted("thread_sleep", lambda: time.sleep(SLOW_SECONDS))
    counted("thread_spin", lambda: spin_cpu(SLOW_SECONDS))
    counted("thread_checkpoint", lambda: spin_cpu_checkpointed(SLOW_SECONDS))


def _add_process_variants(app: rx.App) -> str | None:
    declare: Any = app.fn  # run_in is not in the old signature: checked at run time
    for name, fn in (("process_sleep", process_sleep), ("process_spin", process_spin)):
        source, target = _io(f"var_{name}")
        try:
            declare(inputs=source, outputs=target, live=True, run_in="process")(fn)
        except Exception as exc:  # TypeError before run_in exists; else the app's own reason
            return f"{type(exc).__name__}: {exc}"
    return None

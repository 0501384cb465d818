"""The process pool: calls in warm worker processes, killed and replaced when cancelled."""

from __future__ import annotations

import asyncio
import functools
import json
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from reactive.cli import load_app
from reactive.errors import DefinitionError
from reactive.scheduler.processes import (
    WORKER_ENV,
    FunctionRef,
    ProcessError,
    ProcessPool,
    RemoteError,
    RemoteTraceback,
    WorkerDied,
)
from tests.scheduler import proc_app

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="worker processes need fork()")

DEADLINE = 5.0


def ref(fn: Callable[..., Any]) -> FunctionRef:
    return FunctionRef.of(fn)


async def until(condition: Callable[[], bool], what: str) -> None:
    """Poll ``condition`` until it holds; fail after DEADLINE seconds."""
    deadline = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        await asyncio.sleep(0.002)


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


class Sink:
    def __init__(self) -> None:
        self.values: list[Any] = []

    async def __call__(self, value: Any) -> None:
        self.values.append(value)


async def call(
    pool: ProcessPool, fn: Callable[..., Any], *args: Any, gen: bool = False
) -> list[Any]:
    sink = Sink()
    await pool.call(ref(fn), args, sink, generator=gen)
    return sink.values


@pytest.fixture
async def pool() -> AsyncIterator[ProcessPool]:
    started = ProcessPool(size=2)
    await started.start([ref(proc_app.double)])
    yield started
    await started.close()


@pytest.fixture
async def single() -> AsyncIterator[ProcessPool]:
    started = ProcessPool(size=1)
    await started.start([ref(proc_app.double)])
    yield started
    await started.close()


# --- references -------------------------------------------------------------------------------


def test_a_module_function_is_referenced_by_module_file_and_name() -> None:
    assert ref(proc_app.double) == FunctionRef(
        "tests.scheduler.proc_app", str(Path(proc_app.__file__).resolve()), "double"
    )


def _nested() -> Callable[[], None]:
    def inner() -> None: ...

    return inner


async def _coroutine() -> None: ...


def test_async_functions_are_refused() -> None:
    with pytest.raises(DefinitionError, match=r"_coroutine\(\) is async: .* for sync code"):
        FunctionRef.of(_coroutine)


@pytest.mark.parametrize(
    ("fn", "why"),
    [
        (lambda: None, "lambda"),
        (_nested(), "nested"),
        (functools.partial(proc_app.double, 1), "not a plain function"),
        (functools.update_wrapper(lambda x: x, proc_app.double, updated=()), "not bound to it"),
    ],
    ids=["lambda", "nested", "partial", "shadowed"],
)
def test_what_a_worker_could_not_import_is_refused(fn: Callable[..., Any], why: str) -> None:
    with pytest.raises(DefinitionError, match="top level of a module") as raised:
        FunctionRef.of(fn)
    assert why in str(raised.value)
    assert "run_in='process'" in str(raised.value)


# --- calls ------------------------------------------------------------------------------------


async def test_a_result_is_computed_in_a_warm_worker_process(pool: ProcessPool) -> None:
    assert await call(pool, proc_app.double, 21) == [42]
    [(pid, flag)] = await call(pool, proc_app.whoami)
    assert pid in pool.pids()
    assert pid not in (os.getpid(), pool.fork_server_pid)
    assert flag == "1"  # the app module was imported with the worker flag set
    assert WORKER_ENV == "REACTIVE_PROCESS_WORKER"
    assert WORKER_ENV not in os.environ


async def test_generator_values_arrive_in_order(pool: ProcessPool) -> None:
    assert await call(pool, proc_app.count, 50, gen=True) == list(range(50))
    assert await call(pool, proc_app.count, 0, gen=True) == []
    assert await call(pool, proc_app.double, 2) == [4]  # no stray acknowledgement left behind


async def test_a_generator_runs_at_most_two_values_ahead(pool: ProcessPool, tmp_path: Path) -> None:
    log = tmp_path / "steps"
    log.touch()
    seen: list[tuple[int, int]] = []

    async def slow_page(value: int) -> None:
        if value == 0:
            await until(lambda: log.stat().st_size >= 2, "the generator ran ahead")
            await asyncio.sleep(0.05)  # unthrottled, it would write thousands of steps meanwhile
        seen.append((value, log.stat().st_size))

    await pool.call(ref(proc_app.numbered), (str(log), 8), slow_page, generator=True)
    assert [value for value, _ in seen] == list(range(8))
    assert all(steps <= value + 2 for value, steps in seen), seen
    assert seen[0] == (0, 2)


async def test_a_large_array_comes_back_whole(pool: ProcessPool) -> None:
    [array] = await call(pool, proc_app.image, 1200)  # 4 MB: many socket buffers' worth
    assert array.shape == (1200, 1200, 3)
    assert int(array.sum()) == 1200 * 1200 * 3 * 7


async def test_the_workers_do_not_share_numpys_random_state(pool: ProcessPool) -> None:
    first, second = await call(pool, proc_app.random_row), await call(pool, proc_app.random_row)
    assert first != second


async def test_a_module_not_preloaded_is_imported_on_first_use(pool: ProcessPool) -> None:
    assert await call(pool, json.dumps, {"a": [1]}) == ['{"a": [1]}']
    assert await call(pool, os.getcwd) == [os.getcwd()]


# --- errors -----------------------------------------------------------------------------------


async def test_a_user_exception_is_raised_with_the_workers_traceback(pool: ProcessPool) -> None:
    with pytest.raises(ValueError, match=r"^boom$") as raised:
        await call(pool, proc_app.fails, "boom")
    cause = raised.value.__cause__
    assert isinstance(cause, RemoteTraceback)
    assert 'proc_app.py", line' in cause.text
    assert "in fails" in cause.text
    assert pool.statistics().killed == pool.statistics().died == 0


@pytest.mark.parametrize(
    ("fn", "type_name", "message"),
    [
        (proc_app.fails_unpicklably, "tests.scheduler.proc_app.Unpicklable", "holds a lock"),
        (proc_app.exits_the_process, "builtins.SystemExit", "4"),
    ],
    ids=["unpicklable", "system-exit"],
)
async def test_an_exception_that_cannot_travel_becomes_a_remote_error(
    pool: ProcessPool, fn: Callable[[], None], type_name: str, message: str
) -> None:
    before = pool.pids()
    with pytest.raises(RemoteError) as raised:
        await call(pool, fn)
    assert (raised.value.type_name, raised.value.message) == (type_name, message)
    assert fn.__name__ in raised.value.traceback
    assert (
        str(raised.value)
        == f"tests.scheduler.proc_app.{fn.__name__}() raised {type_name}: {message}"
    )
    assert pool.pids() == before  # the worker carries on


async def test_arguments_that_cannot_be_pickled_are_refused(pool: ProcessPool) -> None:
    with pytest.raises(ProcessError, match=r"arguments of .*double\(\) cannot be sent.*picklable"):
        await call(pool, proc_app.double, threading.Lock())
    assert pool.statistics().idle == 2


async def test_results_that_cannot_be_pickled_fail_and_the_worker_stays(pool: ProcessPool) -> None:
    before = pool.pids()
    with pytest.raises(ProcessError, match=r"returns_a_lock\(\) produced a lock that cannot"):
        await call(pool, proc_app.returns_a_lock)
    sink = Sink()
    with pytest.raises(ProcessError, match="cannot be sent back"):
        await pool.call(ref(proc_app.yields_then_a_lock), (), sink, generator=True)
    assert sink.values == [1]
    assert pool.pids() == before
    assert await call(pool, proc_app.double, 1) == [2]


async def test_a_worker_that_dies_fails_its_call_and_is_replaced(pool: ProcessPool) -> None:
    before = pool.pids()
    with pytest.raises(WorkerDied, match=r"exits\(\) died \(exit code 3\)") as raised:
        await call(pool, proc_app.exits, 3)
    assert raised.value.exitcode == 3
    with pytest.raises(WorkerDied, match=r"died \(killed by SIGSEGV\)"):
        await call(pool, proc_app.segfaults)
    await until(lambda: pool.statistics().idle == 2, "both workers are replaced")
    assert not pool.pids() & before
    assert (pool.statistics().died, pool.statistics().killed) == (2, 0)
    assert await call(pool, proc_app.double, 5) == [10]


async def test_an_idle_worker_that_dies_is_replaced(pool: ProcessPool) -> None:
    victim = min(pool.pids())
    os.kill(victim, signal.SIGKILL)
    await until(lambda: pool.statistics().died == 1 and pool.statistics().idle == 2, "replaced")
    assert victim not in pool.pids()
    assert [await call(pool, proc_app.double, i) for i in range(3)] == [[0], [2], [4]]


async def test_an_emit_that_fails_kills_the_generators_worker(pool: ProcessPool) -> None:
    async def broken_page(value: int) -> None:
        raise RuntimeError("page gone")

    with pytest.raises(RuntimeError, match="page gone"):
        await pool.call(ref(proc_app.count), (1000,), broken_page, generator=True)
    assert pool.statistics().killed == 1
    await until(lambda: pool.statistics().idle == 2, "the worker is replaced")


# --- cancellation and waiting -----------------------------------------------------------------


async def test_cancelling_kills_the_worker_inside_a_c_call(pool: ProcessPool) -> None:
    pids: list[int] = []
    task = asyncio.ensure_future(
        pool.call(ref(proc_app.sleeper), (), _append_to(pids), generator=True)
    )
    await until(lambda: bool(pids), "the worker says who it is")
    [victim] = pids
    task.cancel()  # the worker is in time.sleep(60) now
    with pytest.raises(asyncio.CancelledError):
        await task
    assert pool.statistics().killed == 1
    await until(lambda: gone(victim), "the killed worker has exited")
    await until(lambda: pool.statistics().idle == 2, "a replacement is warm")
    assert victim not in pool.pids()
    assert await call(pool, proc_app.double, 4) == [8]


async def test_callers_wait_in_order_for_a_free_worker(single: ProcessPool, tmp_path: Path) -> None:
    gate = tmp_path / "open"
    holding = asyncio.ensure_future(call(single, proc_app.hold, str(gate), gen=True))
    await until(lambda: single.statistics().busy == 1, "the worker is taken")
    order: list[int] = []

    async def queued(tag: int) -> None:
        await single.call(ref(proc_app.double), (tag,), _append_to(order), generator=False)

    first = asyncio.ensure_future(queued(1))
    await until(lambda: single.statistics().waiting == 1, "the first caller waits")
    second = asyncio.ensure_future(queued(2))
    await until(lambda: single.statistics().waiting == 2, "the second caller waits")
    gate.touch()
    await asyncio.gather(holding, first, second)
    assert order == [2, 4]
    assert single.statistics().killed == 0


def _append_to(values: list[Any]) -> Callable[[Any], Any]:
    async def emit(value: Any) -> None:
        values.append(value)

    return emit


async def test_a_caller_cancelled_while_waiting_just_leaves_the_queue(
    single: ProcessPool, tmp_path: Path
) -> None:
    gate = tmp_path / "open"
    holding = asyncio.ensure_future(call(single, proc_app.hold, str(gate), gen=True))
    await until(lambda: single.statistics().busy == 1, "the worker is taken")
    [holder] = single.pids()
    waiting = asyncio.ensure_future(call(single, proc_app.double, 1))
    await until(lambda: single.statistics().waiting == 1, "the caller waits")
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert single.statistics().waiting == 0
    gate.touch()
    assert await holding == [0]
    assert single.pids() == {holder}
    assert single.statistics().killed == 0


async def test_keystrokes_kill_stale_runs_and_the_last_runs_on_a_warm_worker(
    pool: ProcessPool,
) -> None:
    finished: list[int] = []

    async def run(tag: int) -> None:
        async def emit(value: int) -> None:
            finished.append(value)

        await pool.call(ref(proc_app.work), (0.1, tag), emit, generator=False)

    runs: list[asyncio.Task[None]] = []
    queued = 0  # runs cancelled before a worker was free: nothing to kill for them
    for tag in range(10):
        if runs:
            queued += pool.statistics().waiting
            runs[-1].cancel()
        runs.append(asyncio.ensure_future(run(tag)))
        if tag < 9:
            await asyncio.sleep(0.03)  # the typist's pace, not a wait for the pool
    await runs[-1]
    stats = pool.statistics()
    assert finished == [9]
    assert stats.killed + queued == 9, (stats, queued)
    assert stats.killed >= 1  # (the last key's latency is a benchmark row: --runtime)


# --- lifecycle --------------------------------------------------------------------------------


async def test_close_reaps_every_process_and_fails_what_still_runs() -> None:
    pool = ProcessPool(size=2)
    await pool.start([ref(proc_app.work)])
    server, workers = pool.fork_server_pid, pool.pids()
    assert server is not None
    assert len(workers) == 2
    running = asyncio.ensure_future(call(pool, proc_app.work, 60.0, 1))
    await until(lambda: pool.statistics().busy == 1, "a call runs")
    await pool.close()
    assert all(gone(pid) for pid in (server, *workers))  # reaped: not even zombies remain
    with pytest.raises(ProcessError, match="closed while"):
        await running
    with pytest.raises(ProcessError, match="expected a running process pool, got closed"):
        await call(pool, proc_app.double, 1)
    await pool.close()  # closing twice is harmless


async def test_a_module_that_cannot_be_imported_fails_the_start() -> None:
    pool = ProcessPool(size=1)
    with pytest.raises(ProcessError, match="importing no_such_module_xyz failed") as raised:
        await pool.start([FunctionRef("no_such_module_xyz", None, "f")])
    assert "ModuleNotFoundError" in str(raised.value)
    assert pool.fork_server_pid is not None
    assert gone(pool.fork_server_pid)


async def test_an_app_file_loaded_like_reactive_run_is_found_by_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_file = tmp_path / "procs_demo_app.py"
    app_file.write_text(
        "import os\nimport reactive as rx\napp = rx.App(title='demo')\n"
        "FLAG = os.environ.get('REACTIVE_PROCESS_WORKER')\n"
        "def shout(text):\n    return text.upper(), FLAG, __name__\n"
    )
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setitem(sys.modules, "procs_demo_app", None)  # removed again after the test
    load_app(str(app_file))
    shout = sys.modules["procs_demo_app"].shout
    pool = ProcessPool(size=1)
    await pool.start([ref(shout)])
    try:
        assert await call(pool, shout, "hi") == [("HI", "1", "procs_demo_app")]
    finally:
        await pool.close()


async def test_a_script_run_as_main_is_imported_without_its_main_block(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text(
        "import sys\n"
        "def where():\n    return __name__, sys.modules['__main__'].__name__\n"
        "if __name__ == '__main__':\n    raise SystemExit('this would serve the app')\n"
    )
    main = FunctionRef("__main__", str(script), "where")
    pool = ProcessPool(size=1)
    await pool.start([main])
    try:
        sink = Sink()
        await pool.call(main, (), sink, generator=False)
        assert sink.values == [("__mp_main__", "__mp_main__")]
    finally:
        await pool.close()


async def test_workers_hold_no_listening_socket_of_the_server() -> None:
    listener = socket.socket()
    listener.set_inheritable(True)  # even an inheritable one, as a server might leave it
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    pool = ProcessPool(size=1)
    await pool.start([ref(proc_app.double)])
    try:
        listener.close()
        with socket.socket() as again:
            again.bind(("127.0.0.1", port))  # EADDRINUSE if a worker still held the port
            again.listen()
    finally:
        await pool.close()

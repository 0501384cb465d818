"""A served loop that stops turning is reported, naming the app's code that holds it."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import time
import traceback

import msgpack
import pytest
from websockets.asyncio.client import connect

import reactive as rx
from reactive import loopwatch
from reactive.cli import background_server
from reactive.loopwatch import LoopWatch
from tests.session.polling import poll, poll_blocking

STALL = 0.1


def records(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "reactive"]


async def tts(text: str) -> str:  # an async def with a blocking call: the classic mistake
    time.sleep(STALL * 5)  # noqa: ASYNC251 (what the watch is for)
    return text


async def test_a_blocking_call_in_an_async_def_is_named_with_its_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, "reactive")
    watch = LoopWatch(asyncio.get_running_loop(), stall=STALL)
    watch.start()
    try:
        await tts("hi")  # holds the loop for 5 stall periods
        assert await poll(lambda: any("turns again" in m for m in records(caplog)))
    finally:
        watch.stop()
    stalled, resumed = records(caplog)
    assert "blocked for" in stalled
    assert "by tts() at test_loopwatch.py:" in stalled
    assert "(inside " not in stalled  # time.sleep is C: the app's own line is the innermost
    assert "await asyncio.to_thread" in stalled  # and what to do instead
    held = float(resumed.split("about ")[1].split(" s")[0])
    assert STALL * 3 <= held <= STALL * 20  # about 5 stall periods; more on a busy machine


async def test_a_loop_that_keeps_turning_is_never_reported(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, "reactive")
    stall = 0.5  # long enough that a busy machine's scheduling delays never reach it
    watch = LoopWatch(asyncio.get_running_loop(), stall=stall)
    watch.start()
    try:
        for _ in range(100):  # 2 stall periods of a loop doing short work between waits
            time.sleep(stall / 50)  # noqa: ASYNC251 (short work, as any turn does)
            await asyncio.sleep(0)
    finally:
        watch.stop()
    assert records(caplog) == []


async def test_a_served_async_function_that_blocks_is_named_while_it_holds_the_loop(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loopwatch, "STALL_SECONDS", STALL)
    caplog.set_level(logging.WARNING, "reactive")
    app = rx.App(title="watched")
    app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Textbox(elem_id="a"), live=True)(tts)
    with background_server(app) as url:
        host = url.removeprefix("http://").rstrip("/")
        assert len(loopwatch._watches) == 1  # one server, one loop watched
        async with connect(f"ws://{host}/ws", origin=f"http://{host}") as ws:  # type: ignore[arg-type]
            await ws.send(msgpack.packb({"t": "hello", "v": 1, "session": None}))
            assert msgpack.unpackb(await ws.recv())["t"] == "welcome"
            await ws.send(msgpack.packb({"t": "input", "c": "q", "v": "hi"}))
            assert await poll(lambda: any("turns again" in m for m in records(caplog)))
    assert not loopwatch._watches  # stopped with the server
    stalled = next(m for m in records(caplog) if "blocked for" in m)
    assert "by tts() at test_loopwatch.py:" in stalled


def test_a_loop_waiting_between_callbacks_is_told_apart_from_one_running_code() -> None:
    loop = asyncio.new_event_loop()  # asyncio's own loop: its idle thread waits in select()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        assert poll_blocking(lambda: _innermost(thread) is not None)
        idle = _innermost(thread)
        assert idle is not None
        assert loopwatch._between_callbacks(idle)
        here = traceback.extract_stack()[-1]
        assert not loopwatch._between_callbacks(here)  # an app's line: a callback runs
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()


def test_a_starved_loop_names_what_the_worker_threads_run() -> None:
    message = loopwatch._starved_message(0.4, ["crunch()"] * 8 + ["shout()"])
    assert "not turned for 0.40 s" in message
    assert "9 worker thread(s) ran Python (crunch() ×8, shout())" in message
    assert 'run_in="process"' in message
    assert "rx.checkpoint()" in message


def _innermost(thread: threading.Thread) -> traceback.FrameSummary | None:
    frame = sys._current_frames().get(thread.ident or 0)
    if frame is None:
        return None
    innermost = traceback.extract_stack(frame)[-1]
    return innermost if innermost.name == "select" else None  # settled in its wait

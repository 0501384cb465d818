"""Notices a served event loop that stopped turning, and names the code that holds it.

Every session of a process shares its event loop: a blocking call inside an ``async def``
(``time.sleep``, ``requests.get``, a model called without ``await``) stops every page of every
user until it returns, and nothing says why. Plain ``def`` functions run in worker threads and
cannot do this; ``async def`` ones run on the loop. A watcher thread checks a heartbeat the loop
sets eight times a second; when a beat is late by :data:`STALL_SECONDS` it logs a warning naming
the app's function and line where the loop is, and another when the loop turns again.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import sysconfig
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reactive.scheduler import threads

log = logging.getLogger("reactive")

#: A heartbeat this late means the loop is stalled: well above any normal turn, a garbage
#: collection or a burst of frames, and about when a person starts to notice the page hang.
STALL_SECONDS = 0.25

#: Where reactive, the standard library and installed packages live: not the app's own code.
_NOT_THE_APP = tuple(
    str(Path(p).resolve()) + os.sep
    for p in {
        str(Path(__file__).parent),
        sysconfig.get_path("stdlib"),
        sysconfig.get_path("purelib"),
        sysconfig.get_path("platlib"),
    }
)

_STDLIB = str(Path(sysconfig.get_path("stdlib")).resolve()) + os.sep

#: Per loop, its watch and how many served apps use it (a multipage app's pages share one).
_watches: dict[asyncio.AbstractEventLoop, tuple[LoopWatch, int]] = {}


@contextmanager
def watching() -> Iterator[None]:
    """Watch the running loop while in the block (a server's lifespan)."""
    loop = asyncio.get_running_loop()
    watch, users = _watches.get(loop) or (LoopWatch(loop, STALL_SECONDS), 0)
    if not users:
        watch.start()
    _watches[loop] = (watch, users + 1)
    try:
        yield
    finally:
        watch, users = _watches.pop(loop)
        if users > 1:
            _watches[loop] = (watch, users - 1)
        else:
            watch.stop()


class LoopWatch:
    """Watches one event loop (started and stopped on that loop's thread)."""

    def __init__(self, loop: asyncio.AbstractEventLoop, stall: float = STALL_SECONDS) -> None:
        self._loop = loop
        self._stall = stall
        self._loop_thread = threading.get_ident()
        self._beat = time.monotonic()
        self._stopped = threading.Event()
        self._tick_handle: asyncio.TimerHandle | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._tick()
        self._thread = threading.Thread(target=self._watch, name="reactive-loop-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        if self._tick_handle is not None:
            self._tick_handle.cancel()

    def _tick(self) -> None:
        self._beat = time.monotonic()
        self._tick_handle = self._loop.call_later(self._stall / 2, self._tick)

    def _watch(self) -> None:
        stalled_at: float | None = None  # the last beat before the stall being reported
        while not self._stopped.wait(self._stall / 2):
            beat = self._beat
            if stalled_at is None and time.monotonic() - beat >= self._stall:
                stalled_at = beat
                log.warning(self._stalled_message(time.monotonic() - beat))
            elif stalled_at is not None and beat != stalled_at:
                held = beat - stalled_at - self._stall / 2  # the beat was due that much earlier
                log.warning("The event loop turns again, after about %.2f s.", max(held, 0.0))
                stalled_at = None

    def _stalled_message(self, late: float) -> str:
        frame = sys._current_frames().get(self._loop_thread)
        stack = list(traceback.extract_stack(frame)) if frame is not None else []
        if stack and _between_callbacks(stack[-1]):
            return _starved_message(late, threads.running_labels())
        where = _app_frame(stack)
        inner = f" (inside {_place(stack[-1])})" if stack and stack[-1] is not where else ""
        if where is None:
            place = _place(stack[-1]) if stack else "code that could not be read"
            return (
                f"The event loop has been blocked for {late:.2f} s in {place}: every session "
                "of this process waits until it returns."
            )
        return (
            f"The event loop has been blocked for {late:.2f} s by {where.name}() at "
            f"{_place(where)}{inner}: every session of this process waits until it returns. "
            "A blocking call inside an `async def` holds the loop: make the function a plain "
            "`def` (it then runs in a worker thread), or call the blocking part with "
            "`await asyncio.to_thread(...)`."
        )


def _between_callbacks(innermost: traceback.FrameSummary) -> bool:
    """The loop's thread is in the loop itself (its C core, or waiting to select), not in a
    callback: what holds it is outside it, the GIL."""
    path = Path(innermost.filename)
    return path.name in _LOOP_FILES and str(path.resolve()).startswith(_STDLIB)


#: Where a loop's thread is while no callback runs: asyncio.run and run_forever (uvloop's loop
#: is C: its Python stack ends there), or the selector's wait.
_LOOP_FILES = frozenset({"runners.py", "base_events.py", "selectors.py"})


def _starved_message(late: float, running: list[str]) -> str:
    counted = Counter(running).most_common(3)
    held = ", ".join(f"{label} ×{n}" if n > 1 else label for label, n in counted)
    by = f" while {len(running)} worker thread(s) ran Python ({held})" if running else ""
    return (
        f"The event loop has not turned for {late:.2f} s, though none of its callbacks was "
        f"running: it waited for the GIL{by}. Functions that compute in pure Python share the "
        "GIL with the loop that serves every session: call rx.checkpoint() in their loops, "
        'so superseded calls stop, or run them with run_in="process".'
    )


def _app_frame(stack: list[traceback.FrameSummary]) -> traceback.FrameSummary | None:
    """The innermost frame of the app's own code (not reactive's, the standard library's or
    an installed package's)."""
    for frame in reversed(stack):
        if frame.filename.startswith("<"):  # <frozen ...>, <string>
            continue
        if not str(Path(frame.filename).resolve()).startswith(_NOT_THE_APP):
            return frame
    return None


def _place(frame: traceback.FrameSummary) -> str:
    return f"{Path(frame.filename).name}:{frame.lineno}"

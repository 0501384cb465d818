"""What app code can tell the page while it runs: progress and messages (toasts).

The session sets :data:`current` around every run; contextvars carry it into the worker thread
of a sync function, so ``rx.Progress`` and ``rx.Info`` find their run from any thread. Reports
are cheap and thread-safe: progress keeps only the newest value and wakes the loop once.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from reactive.protocol.messages import ToastLevel


@dataclass(frozen=True, slots=True)
class ProgressReport:
    fraction: float | None
    message: str | None = None
    index: int | None = None
    total: int | None = None
    unit: str | None = None


class RunContext:
    """The reporting end of one run; its methods may be called from any thread."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        on_progress: Callable[[ProgressReport, float | None], None],
        on_toast: Callable[[ToastLevel, str, float | None], None],
        session: str = "",
    ) -> None:
        self.session = session  # the session's id (a per-session gr.Cache keys on it)
        self._loop = loop
        self._on_progress = on_progress
        self._on_toast = on_toast
        self._lock = threading.Lock()
        self._latest: ProgressReport | None = None
        self._scheduled = False
        self._started = time.monotonic()

    def progress(self, report: ProgressReport) -> None:
        """Report progress; only the newest report of a burst reaches the page."""
        with self._lock:
            self._latest = report
            if self._scheduled:
                return
            self._scheduled = True
        self._call(self._flush_progress)

    def toast(self, level: ToastLevel, message: str, duration: float | None) -> None:
        self._call(lambda: self._on_toast(level, message, duration))

    def _call(self, callback: Callable[[], None]) -> None:
        # A closed loop: the page is gone, nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(callback)

    def _flush_progress(self) -> None:
        with self._lock:
            report, self._latest, self._scheduled = self._latest, None, False
        if report is not None:
            self._on_progress(report, self._eta(report.fraction))

    def _eta(self, fraction: float | None) -> float | None:
        if fraction is None or not 0 < fraction < 1:
            return None
        elapsed = time.monotonic() - self._started
        return round(elapsed * (1 - fraction) / fraction, 1)


current: contextvars.ContextVar[RunContext | None] = contextvars.ContextVar(
    "reactive_run_context", default=None
)


#: Called with a session's id when it ends (a per-session gr.Cache drops its entries).
_session_end: list[Callable[[str], None]] = []
_session_end_lock = threading.Lock()


def on_session_end(callback: Callable[[str], None]) -> None:
    """Call ``callback(session_id)`` whenever a session ends, from the loop's thread."""
    with _session_end_lock:
        _session_end.append(callback)


def session_ended(session: str) -> None:
    """Tell every :func:`on_session_end` callback that ``session`` ended (the session calls it)."""
    with _session_end_lock:
        callbacks = list(_session_end)
    for callback in callbacks:
        callback(session)

"""Stop sync user code in a worker thread at its next Python bytecode.

CPython can raise an exception asynchronously in another thread (``PyThreadState_SetAsyncExc``).
It takes effect at the thread's next bytecode boundary: pure-Python work stops at once, while a
call into C (``time.sleep``, a NumPy kernel, model inference) finishes first. The exception is a
``BaseException``, so user code's ``except Exception`` does not swallow it.

It must never land outside user code (in the thread pool's own loop, say). So the interrupt is
only raised while the thread is inside :meth:`Interruptible.call`, under a lock that the thread
also takes before leaving; and a Python-level call inside the guarded block makes a pending
exception fire there, where it is caught.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


class StaleRunInterrupt(BaseException):
    """Raised inside a superseded run's worker thread; never escapes :class:`Interruptible`."""


class _State(Enum):
    IDLE = "idle"
    RUNNING = "running"
    STOPPED = "stopped"
    DONE = "done"


def _raise_in_thread(thread_id: int) -> bool:
    changed = ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(StaleRunInterrupt)
    )
    return bool(changed == 1)


def _checkpoint() -> None:
    """A Python call: a pending asynchronous exception fires when this frame starts."""


class Interruptible:
    """Runs sync callables in the current thread until :meth:`interrupt` is called."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = _State.IDLE
        self._thread_id: int | None = None

    @property
    def stopped(self) -> bool:
        return self._state is _State.STOPPED

    def call(self, fn: Callable[..., T], *args: Any) -> tuple[bool, T | None]:
        """``(True, fn(*args))``, or ``(False, None)`` if interrupted before or during the call."""
        try:
            with self._lock:
                if self._state is _State.STOPPED:
                    return False, None
                self._state, self._thread_id = _State.RUNNING, threading.get_ident()
            try:
                return True, fn(*args)
            finally:
                with self._lock:
                    if self._state is _State.RUNNING:
                        self._state = _State.IDLE
                _checkpoint()
        except StaleRunInterrupt:
            return False, None

    def interrupt(self) -> None:
        """Stop the current call at its next bytecode, and refuse any later one."""
        with self._lock:
            running = self._state is _State.RUNNING
            self._state = _State.STOPPED
            if running and self._thread_id is not None:
                _raise_in_thread(self._thread_id)

"""Cooperative stops: a superseded run is told, never interrupted.

Nothing is ever raised into a sync function from outside: an exception that lands at an
arbitrary bytecode can cut a ``finally`` block short, leave a lock held or a ``queue.Queue``'s
own mutex locked for good, or break a half-done import. Instead every run has a
:class:`CancelToken`. When the run is superseded the token is set; its result is discarded and
a generator is not advanced again. Long sync loops may look at the token themselves, as trio's
and anyio's ``from_thread.check_cancelled()`` let them:

- ``rx.cancelled()`` is true once the current run was superseded (or its page went away);
- ``rx.checkpoint()`` raises :class:`Cancelled` then, so a loop stops at a point of its own
  choosing and its ``finally`` blocks run in full.

Work that must stop even inside C (``time.sleep``, a NumPy kernel, a model call) opts into
``run_in="process"``: its worker process is killed and replaced.
"""

from __future__ import annotations

import contextvars

from reactive.errors import Cancelled


class CancelToken:
    """Set once, from the event loop, when its run is superseded; read from any thread.

    A plain flag: one bool written once and read under the GIL needs no lock, and every
    keystroke makes one.
    """

    __slots__ = ("_cancelled",)

    def __init__(self) -> None:
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled


current_token: contextvars.ContextVar[CancelToken | None] = contextvars.ContextVar(
    "reactive_cancel_token", default=None
)


def cancelled() -> bool:
    """True once the run calling this was superseded, or its page went away.

    Outside a run (at import time, in a test calling the function directly) it is False.
    """
    token = current_token.get()
    return token is not None and token.cancelled


def checkpoint() -> None:
    """Raise :class:`Cancelled` if the run calling this was superseded; else return at once.

    Call it in long loops of sync code (a training step, a frame of a simulation) so a stale
    run stops there instead of running to its end.
    """
    if cancelled():
        raise Cancelled("This run was superseded by a newer one.")

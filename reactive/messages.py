"""``rx.Info`` and ``rx.Warning``: toasts shown on the page from inside a function.

Example::

    @app.fn(inputs=rx.Textbox(), outputs=rx.Text())
    def save(text):
        rx.Info("Saved.")
        return text

Called outside a run (at import time, in a thread the app started itself), they only log.
``raise rx.Error("...")`` stops the function and shows its message on the outputs.
"""

from __future__ import annotations

import logging

from reactive.protocol.messages import ToastLevel
from reactive.runcontext import current

log = logging.getLogger("reactive")

DEFAULT_SECONDS = 10.0


def _toast(level: ToastLevel, message: str, duration: float | None) -> None:
    context = current.get()
    if context is None:
        log.info("%s (outside a run, not shown): %s", level, message)
        return
    context.toast(level, str(message), duration)


def Info(message: str, duration: float | None = DEFAULT_SECONDS, title: str = "") -> None:
    """Show an information toast on the page of the running function."""
    _toast("info", f"{title}: {message}" if title else message, duration)


def Warning(message: str, duration: float | None = DEFAULT_SECONDS, title: str = "") -> None:
    """Show a warning toast on the page of the running function."""
    _toast("warning", f"{title}: {message}" if title else message, duration)

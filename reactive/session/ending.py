"""What runs when a session ends: Gradio's ``demo.unload(fn)``, each ``gr.State``'s
``delete_callback`` with the session's value, and the hooks of ``runcontext.on_session_end``
(a per-session ``gr.Cache`` drops its entries).

Each callback runs in a worker thread (an async one on the loop); one that raises is logged and
the others still run, so app code can never keep a session from closing.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Callable, Mapping
from typing import Any

from reactive import runcontext
from reactive.components.base import Component
from reactive.definition.app import App
from reactive.definition.event_data import RequestInfo

log = logging.getLogger("reactive")

#: How long the close waits for one callback (a stuck one runs out in its thread).
CALLBACK_TIMEOUT_SECONDS = 5.0


async def session_ended(
    app: App, session_id: str, values: Mapping[str, Any], request: RequestInfo, *, page: bool
) -> None:
    """Call every end-of-session callback of ``app`` for ``session_id``; the app's own
    (``unload``, ``delete_callback``) only when a page had it open, not for an API call's."""
    runcontext.session_ended(session_id)
    if not page:
        return
    for fn, plan in app.unload_functions:
        args = plan.build((), None, request, session_id) if plan is not None else ()
        await _call(fn, args, session_id)
    for component in app.components.values():
        callback = _delete_callback(component)
        if callback is not None and component.id in values:
            await _call(callback, (values[component.id],), session_id)


def _delete_callback(component: Component) -> Callable[[Any], Any] | None:
    callback = getattr(component, "delete_callback", None)
    return callback if callable(callback) else None


async def _call(fn: Callable[..., Any], args: tuple[Any, ...], session_id: str) -> None:
    name = getattr(fn, "__qualname__", repr(fn))
    try:
        async with asyncio.timeout(CALLBACK_TIMEOUT_SECONDS):
            if inspect.iscoroutinefunction(fn):
                await fn(*args)
            else:
                await asyncio.to_thread(fn, *args)
    except TimeoutError:
        log.warning("%s() was still running %.0f s after session %s ended; left to finish",
                    name, CALLBACK_TIMEOUT_SECONDS, session_id)  # fmt: skip
    except Exception:
        log.exception("Error in %s(), run as session %s ended", name, session_id)

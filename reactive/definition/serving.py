"""The seams from a definition to the server: ``launch()`` serves an app as ``reactive run``
does, ``asgi()`` gives it to mount in another ASGI app.

Definitions never import the session, the server or the CLI at module level. These late
imports, run only when ``launch()`` or ``asgi()`` is called, are the only exceptions
(``tests/test_layers.py`` allows them here and nowhere else), so ``import reactive`` loads no
server code and has no import loop.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, Protocol

from reactive.scheduler.process_worker import WORKER_ENV

if TYPE_CHECKING:
    from reactive.definition.app import App


def serve(app: App, *, host: str, port: int) -> None:
    """Serve ``app`` until interrupted (``reactive.cli.serve``, the only importer of uvicorn).

    In a ``run_in="process"`` worker, which imports the app's module, this does nothing: a
    module ending in ``demo.launch()`` must not start a server there.
    """
    if os.environ.get(WORKER_ENV):
        return
    from reactive.cli import serve as serve_with_cli  # late: the definition layer sits below it

    serve_with_cli(app, host=host, port=port)


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]


class AsgiApp(Protocol):
    """What ``App.asgi()`` returns: an ASGI application with the lifespan a parent should run."""

    async def __call__(
        self,
        scope: Scope,
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None: ...

    def lifespan(self, parent: object = None) -> AbstractAsyncContextManager[None]: ...


def asgi(
    app: App, *, allowed_hosts: Sequence[str] = (), frame_ancestors: str = "'self'"
) -> AsgiApp:
    """``app`` as an ASGI application (``reactive.server.mountable``)."""
    from reactive.server import mountable  # late: the definition layer sits below the server

    return mountable(app, allowed_hosts=allowed_hosts, frame_ancestors=frame_ancestors)

"""``gr.mount_gradio_app(app, demo, path="/demo")``: a Gradio app served under a FastAPI or
Starlette app's prefix.

Example::

    app = FastAPI()
    app = gr.mount_gradio_app(app, demo, path="/gradio")   # the page at /gradio/

The demo is mounted as ``demo.asgi()`` (``docs/deployment.md``), and the parent's lifespan is
wrapped so the demo's sessions start and stop with the server, as Gradio does.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

from reactive.components.base import warn_unsupported
from reactive.definition.app import App
from reactive.errors import DefinitionError

#: The server reads this scope key, if set, as the prefix of the URLs it writes.
ROOT_PATH_KEY = "reactive.root_path"


def mount_gradio_app(
    app: Any,
    blocks: App,
    path: str,
    *,
    root_path: str | None = None,
    allowed_paths: Sequence[str | Path] = (),
    mcp_server: bool | None = None,
    theme: Any = None,
    css: str | None = None,
    **unsupported: Any,
) -> Any:
    """Mount ``blocks`` at ``path`` in ``app`` (FastAPI or Starlette) and return ``app``.

    ``root_path`` is the prefix the page's URLs start with when a proxy in front strips part
    of it (default: the mount's own path, as the parent's router sees it).
    """
    if not isinstance(blocks, App):
        raise DefinitionError(
            f"gr.mount_gradio_app mounts a Gradio app (gr.Blocks), got {blocks!r}."
        )
    if not hasattr(app, "mount") or not hasattr(app, "router"):
        raise DefinitionError(
            f"gr.mount_gradio_app mounts into a FastAPI or Starlette app, got {app!r}."
        )
    if not path.startswith("/"):
        raise DefinitionError(f"mount_gradio_app path must start with '/', got {path!r}.")
    if unsupported:
        warn_unsupported("mount_gradio_app()", unsupported)
    configure = getattr(blocks, "configure", None)
    if callable(configure):  # a Gradio app: what launch() would have taken
        configure(theme=theme, css=css, allowed_paths=allowed_paths, mcp_server=mcp_server)
    elif allowed_paths:
        blocks.allow_paths(allowed_paths)
    mounted = blocks.asgi()
    endpoint: Any = mounted if root_path is None else _RootPath(mounted, root_path.rstrip("/"))
    app.mount(path.rstrip("/") or "/", endpoint)
    app.router.lifespan_context = _joined(app.router.lifespan_context, mounted.lifespan)
    return app


class _RootPath:
    """The mounted app with the URL prefix given to ``mount_gradio_app(root_path=)``."""

    def __init__(self, app: Any, root_path: str) -> None:
        self._app, self._root_path = app, root_path

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self._app({**scope, ROOT_PATH_KEY: self._root_path}, receive, send)


def _joined(
    parent: Callable[[Any], AbstractAsyncContextManager[Any]],
    child: Callable[[], AbstractAsyncContextManager[None]],
) -> Callable[[Any], AbstractAsyncContextManager[Any]]:
    """The parent's lifespan, with the mounted app's inside it."""

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[Any]:
        async with parent(app) as state, child():
            yield state

    return lifespan

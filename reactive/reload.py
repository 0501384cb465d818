"""``reactive run --reload``: re-import the app file on save, in this process, and swap it in.

Why in-process rather than restarting the server process (uvicorn's reload): the server stays
up, so an open page never sees a refused connection; a broken save can be *shown* in the page
(an error app takes the app's place until the next good save) as well as in the terminal; and
the swap is quick (no interpreter start, no port to rebind). Each reload closes the old app for
good before pages reconnect to the new one: every session is closed (runs cancelled, their
threads waited for, ffmpeg killed, upload folders removed) and its worker processes stopped.
Pages are closed with :data:`CLOSE_RELOADED`; they reconnect at once and send back the values
typed into their inputs (matched by component id), so they keep them. Modules imported from the
app's folder are imported afresh too; installed packages are not.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from pathlib import Path

import watchfiles

from reactive.components import Markdown
from reactive.definition.app import App
from reactive.definition.serving import Message, Scope
from reactive.errors import AppLoadError
from reactive.protocol.connection import CLOSE_RELOADED
from reactive.server import MountedApp

log = logging.getLogger("reactive")
logging.getLogger("watchfiles").setLevel(logging.WARNING)  # we say what changed ourselves

#: The error app's one component: what a test (or a person) looks for after a broken save.
ERROR_ID = "rx-reload-error"

Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Load = Callable[[str], App]
Build = Callable[[App], MountedApp]


def error_app(target: str, text: str) -> App:
    """An app that shows why ``target`` could not be loaded, until the next good save."""
    app = App(title=f"Reload failed: {Path(target.partition(':')[0]).name}")
    fenced = text.replace("```", "'''")
    with app.column():
        Markdown(
            f"**{target} could not be loaded.** Fix it and save: this page then shows the app "
            f"again, with your inputs.\n\n```\n{fenced}\n```",
            elem_id=ERROR_ID,
        )
    return app


class ReloadingApp:
    """The ASGI app of ``--reload``: serves the newest load of ``target``, watches its folder."""

    def __init__(self, target: str, load: Load, build: Build) -> None:
        self.target = target
        self.folder = Path(target.partition(":")[0]).resolve().parent
        self._load = load
        self._build = build
        self._current: MountedApp | None = None
        self._current_stack = AsyncExitStack()
        self._lock = asyncio.Lock()
        self._stop = asyncio.Event()
        self._watcher: asyncio.Task[None] | None = None
        self._first: tuple[App, bool] | None = self._first_load()
        self.title = self._first[0].title  # what the CLI prints before serving
        self.reloads = 0  # swaps so far (the first load is one)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if self._current is None:  # a request before startup finished: not served yet
            await send({"type": "http.response.start", "status": 503, "headers": []})
            await send({"type": "http.response.body", "body": b"Starting"})
            return
        await self._current(scope, receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await self.start()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.stop()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def start(self) -> None:
        """Serve the first load and start watching the app's folder."""
        await self.reload()
        self._watcher = asyncio.get_running_loop().create_task(self._watch())

    async def stop(self) -> None:
        self._stop.set()
        if self._watcher is not None:
            await self._watcher
        async with self._lock:
            old, stack = self._current, self._current_stack
            self._current, self._current_stack = None, AsyncExitStack()
            await self._close(old, stack)

    async def _watch(self) -> None:
        changes = watchfiles.awatch(
            self.folder, watch_filter=watchfiles.PythonFilter(), stop_event=self._stop, step=50
        )
        async for changed in changes:
            names = ", ".join(sorted(Path(path).name for _, path in changed))
            print(f"reactive: {names} changed, reloading", flush=True)
            try:
                await self.reload()
            except Exception:  # a bug of ours: say so, and keep watching for the next save
                log.exception("Reloading %s failed", self.target)

    async def reload(self) -> None:
        """Import the app afresh (in a thread) and swap it in; a broken file swaps in its error.

        The new app serves before the old one is closed, so a page reconnecting at once finds it.
        """
        async with self._lock:
            first, self._first = self._first, None
            if first is None:
                first = await asyncio.to_thread(self._load_or_error)
            app, ok = first
            new, stack, failure = await self._started(app)
            if new is None:  # e.g. a process worker could not import a function
                ok = False
                new, stack, _ = await self._started(error_app(self.target, failure))
            assert new is not None
            old, old_stack = self._current, self._current_stack
            self._current, self._current_stack = new, stack
            self.reloads += 1
            await self._close(old, old_stack)
            if ok and old is not None:
                print(f"reactive: reloaded {app.title!r}", flush=True)

    async def _started(self, app: App) -> tuple[MountedApp | None, AsyncExitStack, str]:
        """``app`` built and started, or None and why it could not start."""
        mounted, stack = self._build(app), AsyncExitStack()
        try:
            await stack.enter_async_context(mounted.lifespan())
        except Exception:
            await stack.aclose()
            text = traceback.format_exc()
            print(f"reactive: {self.target} could not start:\n{text}", file=sys.stderr)
            return None, AsyncExitStack(), text
        return mounted, stack, ""

    @staticmethod
    async def _close(old: MountedApp | None, stack: AsyncExitStack) -> None:
        if old is None:
            return
        await old.close_pages(CLOSE_RELOADED, "The app was reloaded.")
        await stack.aclose()  # every old session closed, its runs and processes ended

    def _first_load(self) -> tuple[App, bool]:
        """The first load: a file that is missing or has no app fails now, with its message;
        one that does not import is served as its error, like any later broken save."""
        try:
            return self._load(self.target), True
        except AppLoadError:
            raise
        except Exception as exc:
            return self._failed(exc), False

    def _failed(self, exc: Exception) -> App:
        text = user_traceback(exc)
        print(f"reactive: {self.target} could not be loaded:\n{text}", file=sys.stderr, flush=True)
        return error_app(self.target, text)

    def _load_or_error(self) -> tuple[App, bool]:
        forget_modules_in(self.folder)
        try:
            return self._load(self.target), True
        except Exception as exc:
            return self._failed(exc), False


_PACKAGE = Path(__file__).resolve().parent


def user_traceback(exc: BaseException) -> str:
    """The traceback without the frames of reactive's loader and importlib: what the user's
    own code did (a ``DefinitionError`` keeps the line of the app that caused it)."""
    summary = traceback.TracebackException.from_exception(exc)
    summary.stack = traceback.StackSummary.from_list(
        [f for f in summary.stack if not f.filename.startswith("<frozen") and not _ours(f.filename)]
    )
    return "".join(summary.format())


def _ours(filename: str) -> bool:
    return Path(filename).resolve().is_relative_to(_PACKAGE)


def forget_modules_in(folder: Path) -> None:
    """Drop the modules imported from ``folder`` so they import afresh; never reactive itself
    or an installed package (a virtual environment inside the folder included)."""
    folder = folder.resolve()
    installed = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if not file or name == "reactive" or name.startswith("reactive."):
            continue
        path = Path(file).resolve()
        if not path.is_relative_to(folder) or "site-packages" in path.parts:
            continue
        if any(path.is_relative_to(prefix) for prefix in installed):
            continue
        del sys.modules[name]

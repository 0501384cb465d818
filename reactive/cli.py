"""``reactive run app.py``: load an app from a file and serve it with uvicorn.

The only module that imports uvicorn.
"""

from __future__ import annotations

import argparse
import errno
import importlib.util
import logging
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from reactive import __version__
from reactive.definition.app import App
from reactive.errors import AppLoadError
from reactive.protocol.limits import DEFAULT_LIMITS
from reactive.server import AsgiApp, create_app

log = logging.getLogger("reactive")


def load_app(target: str) -> App:
    """Import ``path.py`` (or ``path.py:name``) and return the App defined in it."""
    path_text, _, attribute = target.partition(":")
    path = Path(path_text)
    if not path.is_file():
        raise AppLoadError(f"No such file: {path_text}. Give the path of your app's .py file.")
    spec = importlib.util.spec_from_file_location(path.stem, path.resolve())
    if spec is None or spec.loader is None:
        raise AppLoadError(f"{path_text} is not a Python file that can be imported.")
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    sys.path.insert(0, str(path.resolve().parent))
    spec.loader.exec_module(module)  # errors in the user's module propagate with their traceback
    app = _find_app(module.__dict__, path_text, attribute)
    if os.environ.get(MCP_ENV) == "1":  # reactive run --mcp, in every worker process too
        app.enable_mcp()
    return app


def _find_app(namespace: dict[str, object], path: str, attribute: str) -> App:
    if attribute:
        found = namespace.get(attribute)
        if not isinstance(found, App):
            raise AppLoadError(f"{path} has no rx.App named {attribute!r}.")
        return found
    apps = {name: value for name, value in namespace.items() if isinstance(value, App)}
    if not apps:
        raise AppLoadError(
            f"{path} defines no rx.App. Create one at module level: app = rx.App(title=...)."
        )
    if len(apps) > 1:
        names = ", ".join(sorted(apps))
        raise AppLoadError(f"{path} defines several apps ({names}); pick one: {path}:NAME.")
    return next(iter(apps.values()))


def check_port(host: str, port: int) -> None:
    """Fail early, with a clear message, when the port is taken."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise AppLoadError(
                    f"Port {port} on {host} is already in use. Stop the other server or pass "
                    f"--port with a free port."
                ) from None
            raise AppLoadError(f"Cannot listen on {host}:{port}: {exc.strerror}.") from None


# What every server of ours shares: the websockets library's current (sans-I/O) implementation,
# frames up to the protocol's limit, and no deflate (frames are mostly JPEG, PCM or fMP4, which it
# cannot shrink: only CPU spent).
_UVICORN_OPTIONS: dict[str, Any] = {
    "ws": "websockets-sansio",
    "ws_max_size": DEFAULT_LIMITS.max_message_bytes + 1024,
    "ws_per_message_deflate": False,
    "log_level": "warning",
    "lifespan": "on",
}

#: Where ``--reload`` and ``--workers`` processes find the app to load (``path.py[:NAME]``).
APP_ENV = "REACTIVE_APP"
#: Host names requests may name besides IP addresses and localhost (``--allowed-host``), comma
#: separated: how ``--reload`` and ``--workers`` processes (and ``launch()``) learn them.
HOSTS_ENV = "REACTIVE_ALLOWED_HOSTS"
#: The interface the server listens on, for the same processes.
BIND_ENV = "REACTIVE_BIND_HOST"
#: The pages that may frame the app (the CSP ``frame-ancestors`` sources; ``'self'`` if unset).
FRAMES_ENV = "REACTIVE_FRAME_ANCESTORS"
MCP_ENV = "REACTIVE_MCP"


def _frame_ancestors() -> str:
    return os.environ.get(FRAMES_ENV, "").strip() or "'self'"


def _hosts(allowed_hosts: Sequence[str] | None) -> list[str]:
    if allowed_hosts is not None:
        return list(allowed_hosts)
    return [h.strip() for h in os.environ.get(HOSTS_ENV, "").split(",") if h.strip()]


def _config(
    app: App, host: str, port: int, allowed_hosts: Sequence[str] | None = None
) -> uvicorn.Config:
    asgi = create_app(
        app,
        allowed_hosts=_hosts(allowed_hosts),
        bound_host=host,
        frame_ancestors=_frame_ancestors(),
    )
    return uvicorn.Config(asgi, host=host, port=port, **_UVICORN_OPTIONS)


def app_from_environment() -> AsgiApp:
    """The ASGI app of ``$REACTIVE_APP``: what each ``--reload`` or ``--workers`` process serves."""
    target = os.environ.get(APP_ENV)
    if not target:
        raise AppLoadError(f"{APP_ENV} is not set: start the server with `reactive run APP.py`.")
    bound = os.environ.get(BIND_ENV, "127.0.0.1")
    return create_app(
        load_app(target),
        allowed_hosts=_hosts(None),
        bound_host=bound,
        frame_ancestors=_frame_ancestors(),
    )


def serve_file(
    target: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    reload: bool = False,
    workers: int = 1,
    allowed_hosts: Sequence[str] = (),
) -> None:
    """Serve the app in ``target``; with ``reload`` or several ``workers``, in child processes."""
    app = load_app(target)  # load once here too: a broken file fails now, with a clear message
    hosts = [*_hosts(None), *allowed_hosts]
    if not reload and workers == 1:
        serve(app, host=host, port=port, allowed_hosts=hosts)
        return
    if reload and workers > 1:
        raise AppLoadError("--reload serves one process: leave out --workers while developing.")
    check_port(host, port)
    path, _, name = target.partition(":")
    os.environ[APP_ENV] = str(Path(path).resolve()) + (f":{name}" if name else "")
    os.environ[HOSTS_ENV] = ",".join(hosts)
    os.environ[BIND_ENV] = host
    how = "reloading on changes" if reload else f"{workers} worker processes"
    print(
        f"reactive {__version__}: serving {app.title!r} at {url_of(host, port)} ({how})", flush=True
    )
    uvicorn.run(
        "reactive.cli:app_from_environment",
        factory=True,
        host=host,
        port=port,
        reload=reload,
        reload_dirs=[str(Path(path).resolve().parent)] if reload else None,
        workers=workers,
        **_UVICORN_OPTIONS,
    )


def url_of(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(
    app: App,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    allowed_hosts: Sequence[str] | None = None,
) -> None:
    """Serve ``app`` until interrupted.

    ``allowed_hosts``: the host names (``app.example.com``, ``.example.com`` for subdomains,
    ``*`` for any) requests may name besides IP addresses and localhost; by default those in
    ``$REACTIVE_ALLOWED_HOSTS``. See docs/deployment.md.
    """
    check_port(host, port)
    print(f"reactive {__version__}: serving {app.title!r} at {url_of(host, port)}", flush=True)
    uvicorn.Server(_config(app, host, port, allowed_hosts)).run()


@contextmanager
def background_server(
    app: App,
    host: str = "127.0.0.1",
    port: int = 0,
    allowed_hosts: Sequence[str] = (),
) -> Iterator[str]:
    """Serve ``app`` from a thread (for tests and benchmarks); yields its URL, stops on exit."""
    server = uvicorn.Server(_config(app, host, port, allowed_hosts))
    thread = threading.Thread(target=server.run, name="reactive-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise AppLoadError(f"The server did not start on {host}:{port}.")
        time.sleep(0.01)
    bound_port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield url_of(host, bound_port)
    finally:
        server.should_exit = True
        thread.join(10)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reactive", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"reactive {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="serve an app file")
    run.add_argument("app", help="path to the app's .py file, optionally path.py:NAME")
    run.add_argument("--host", default="127.0.0.1", help="interface to listen on (127.0.0.1)")
    run.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    run.add_argument(
        "--reload", action="store_true", help="restart when a .py file in the app's folder changes"
    )
    run.add_argument(
        "--workers", type=_positive, default=1, help="server processes (sessions stay in one)"
    )
    run.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a host name browsers may use to reach the server, besides IP addresses and "
        "localhost (repeat it; .example.com allows subdomains); needed with --host 0.0.0.0 "
        "when the app is reached by name",
    )
    run.add_argument(
        "--frame-ancestors",
        metavar="SOURCES",
        help="the pages that may show the app in a frame, as CSP sources ('self' by default; "
        "'none', or e.g. https://portal.example)",
    )
    run.add_argument(
        "--mcp",
        action="store_true",
        help="also serve every API function as an MCP tool at /mcp (pip install reactive[mcp])",
    )
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.frame_ancestors:
        os.environ[FRAMES_ENV] = args.frame_ancestors  # worker processes read it too
    if args.mcp:
        os.environ[MCP_ENV] = "1"
    try:
        serve_file(
            args.app,
            host=args.host,
            port=args.port,
            reload=args.reload,
            workers=args.workers,
            allowed_hosts=args.allowed_host,
        )
    except AppLoadError as exc:
        print(f"reactive: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

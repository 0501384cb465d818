"""``reactive run app.py``: load an app from a file and serve it with uvicorn.

The only module that imports uvicorn.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import sys
import threading
import time
import webbrowser
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from reactive import __version__, collector, ports, scaffold
from reactive.definition import launched
from reactive.definition.app import App
from reactive.errors import AppLoadError
from reactive.protocol.limits import DEFAULT_LIMITS
from reactive.reload import ReloadingApp
from reactive.server import AsgiApp, MountedApp, create_app
from reactive.uvicorn_socket import WebSocketProtocol

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
    folder = str(path.resolve().parent)
    if folder not in sys.path:  # once, however often --reload loads it again
        sys.path.insert(0, folder)
    spec.loader.exec_module(module)  # errors in the user's module propagate with their traceback
    app = _find_app(module.__dict__, path_text, attribute, launched.launched_in(path.stem))
    if os.environ.get(MCP_ENV) == "1":  # reactive run --mcp, in every worker process too
        app.enable_mcp()
    return app


def _find_app(
    namespace: dict[str, object], path: str, attribute: str, launched_app: App | None = None
) -> App:
    if attribute:
        found = namespace.get(attribute)
        if not isinstance(found, App):
            raise AppLoadError(f"{path} has no rx.App named {attribute!r}.")
        return found
    apps = {  # an app placed inside another's page (rendered in a gr.Blocks) is part of it
        name: value
        for name, value in namespace.items()
        if isinstance(value, App) and not value.grafted
    }
    if not apps and launched_app is not None:  # `gr.Interface(...).launch()`, in no variable
        return launched_app
    if not apps:
        raise AppLoadError(
            f"{path} defines no rx.App. Create one at module level: app = rx.App(title=...)."
        )
    if len({id(app) for app in apps.values()}) > 1:  # one app under two names is one app
        names = ", ".join(sorted(apps))
        raise AppLoadError(f"{path} defines several apps ({names}); pick one: {path}:NAME.")
    return next(iter(apps.values()))


def check_port(host: str, port: int) -> None:
    """Fail early, with a clear message that offers the next free port, when ``port`` is taken."""
    ports.bind(host, port).close()


# What every server of ours shares: the websockets library's sans-I/O implementation (reading
# paused less often: uvicorn_socket), frames up to the protocol's limit, and no deflate (frames
# are mostly JPEG, PCM or fMP4, which it cannot shrink: only CPU spent).
_UVICORN_OPTIONS: dict[str, Any] = {
    "ws": WebSocketProtocol,
    "ws_max_size": DEFAULT_LIMITS.max_message_bytes + 1024,
    "ws_per_message_deflate": False,
    "log_level": "warning",
    "lifespan": "on",
}
#: ``--log-level`` choices; uvicorn's own logs stay at ``warning`` unless one is given.
LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")


def _uvicorn_options(log_level: str | None) -> dict[str, Any]:
    return {**_UVICORN_OPTIONS, "log_level": log_level or _UVICORN_OPTIONS["log_level"]}


#: Where ``--workers`` processes find the app to load (``path.py[:NAME]``).
APP_ENV = "REACTIVE_APP"
#: Host names requests may name besides IP addresses and localhost (``--allowed-host``), comma
#: separated: how ``--workers`` processes (and ``launch()``) learn them.
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
    app: App,
    host: str,
    port: int,
    allowed_hosts: Sequence[str] | None = None,
    root_path: str = "",
    log_level: str | None = None,
) -> uvicorn.Config:
    asgi = create_app(
        app,
        allowed_hosts=_hosts(allowed_hosts),
        bound_host=host,
        frame_ancestors=_frame_ancestors(),
    )
    return _asgi_config(asgi, host, port, root_path, log_level)


def _asgi_config(
    asgi: Any, host: str, port: int, root_path: str = "", log_level: str | None = None
) -> uvicorn.Config:
    return uvicorn.Config(
        asgi,
        host=host,
        port=port,
        root_path=root_path.rstrip("/"),
        **_uvicorn_options(log_level),
    )


def app_from_environment() -> AsgiApp:
    """The ASGI app of ``$REACTIVE_APP``: what each ``--workers`` process serves."""
    target = os.environ.get(APP_ENV)
    if not target:
        raise AppLoadError(f"{APP_ENV} is not set: start the server with `reactive run APP.py`.")
    bound = os.environ.get(BIND_ENV, "127.0.0.1")
    asgi = create_app(
        load_app(target),
        allowed_hosts=_hosts(None),
        bound_host=bound,
        frame_ancestors=_frame_ancestors(),
    )
    collector.prepare_for_serving()  # this worker's app is imported: as _serve does
    return asgi


def reloading(target: str, allowed_hosts: Sequence[str], host: str) -> ReloadingApp:
    """The ``--reload`` app: ``target`` re-imported in this process on every save."""

    def build(app: App) -> MountedApp:
        asgi = create_app(
            app, allowed_hosts=allowed_hosts, bound_host=host, frame_ancestors=_frame_ancestors()
        )
        return MountedApp(asgi)

    return ReloadingApp(target, load_app, build)


def serve_file(
    target: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    reload: bool = False,
    workers: int = 1,
    allowed_hosts: Sequence[str] = (),
    root_path: str = "",
    open_browser: bool = False,
    log_level: str | None = None,
) -> None:
    """Serve the app in ``target``; with several ``workers``, in child processes.

    ``root_path``: the prefix a reverse proxy strips before passing requests on (``/demo`` when
    ``https://host/demo/`` reaches this server as ``/``); the page's URLs carry it.
    ``open_browser``: open the page in the default browser once the port listens.
    """
    if reload and workers > 1:
        raise AppLoadError("--reload serves one process: leave out --workers while developing.")
    hosts = [*_hosts(None), *allowed_hosts]
    if reload:
        asgi = reloading(target, hosts, host)
        config = _asgi_config(asgi, host, port, root_path, log_level)
        _serve(config, asgi.title, open_browser, " (reloading on changes)")
        return
    app = load_app(target)  # load once here too: a broken file fails now, with a clear message
    if workers == 1:
        config = _config(app, host, port, hosts, root_path, log_level)
        _serve(config, app.title, open_browser)
        return
    with ports.bind(host, port) as probe:  # --port 0: pick the port every worker will share
        port = ports.bound_port(probe)
    path, _, name = target.partition(":")
    os.environ[APP_ENV] = str(Path(path).resolve()) + (f":{name}" if name else "")
    os.environ[HOSTS_ENV] = ",".join(hosts)
    os.environ[BIND_ENV] = host
    _announce(app.title, url_of(host, port), open_browser, f" ({workers} worker processes)")
    uvicorn.run(
        "reactive.cli:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        root_path=root_path.rstrip("/"),
        **_uvicorn_options(log_level),
    )


def _serve(config: uvicorn.Config, title: str, open_browser: bool, how: str = "") -> None:
    """Bind first (a taken port is a clear error, port 0 a real URL), then serve until stopped."""
    sock = ports.bind(config.host, config.port)
    try:
        _announce(title, url_of(config.host, ports.bound_port(sock)), open_browser, how)
        collector.prepare_for_serving()  # the app is imported: freeze it, collect less often
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


def _announce(title: str, url: str, open_browser: bool, how: str = "") -> None:
    print(f"reactive {__version__}: serving {title!r} at {url}{how}", flush=True)
    if open_browser:  # the socket already listens: the browser's request waits for the server
        webbrowser.open(url)


def url_of(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(
    app: App,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    allowed_hosts: Sequence[str] | None = None,
    root_path: str = "",
    open_browser: bool = False,
    log_level: str | None = None,
) -> None:
    """Serve ``app`` until interrupted.

    ``allowed_hosts``: the host names (``app.example.com``, ``.example.com`` for subdomains,
    ``*`` for any) requests may name besides IP addresses and localhost; by default those in
    ``$REACTIVE_ALLOWED_HOSTS``. ``root_path``: see :func:`serve_file`. See docs/deployment.md.
    """
    config = _config(app, host, port, allowed_hosts, root_path, log_level)
    _serve(config, app.title, open_browser)


@contextmanager
def background_server(
    app: App,
    host: str = "127.0.0.1",
    port: int = 0,
    allowed_hosts: Sequence[str] = (),
    root_path: str = "",
) -> Iterator[str]:
    """Serve ``app`` from a thread (for tests and benchmarks); yields its URL, stops on exit."""
    with _in_thread(_config(app, host, port, allowed_hosts, root_path)) as url:
        yield url


@contextmanager
def background_asgi(
    asgi: Any, host: str = "127.0.0.1", port: int = 0, root_path: str = ""
) -> Iterator[str]:
    """Serve any ASGI app from a thread, as :func:`background_server` does; yields its URL.

    For tests and benchmarks of an app mounted in a parent (``parent.mount("/x", app.asgi())``).
    """
    with _in_thread(_asgi_config(asgi, host, port, root_path)) as url:
        yield url


@contextmanager
def _in_thread(config: uvicorn.Config) -> Iterator[str]:
    host, port = config.host, config.port
    server = uvicorn.Server(config)
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
    run.add_argument(
        "--port", type=int, default=8000, help="port to listen on (8000; 0 picks a free one)"
    )
    run.add_argument(
        "--reload",
        action="store_true",
        help="re-import the app when a .py file in its folder changes; open pages update and "
        "keep their inputs",
    )
    run.add_argument("--open", action="store_true", help="open the page in the default browser")
    run.add_argument(
        "--log-level",
        choices=LOG_LEVELS,
        help="how much the server logs (reactive: info, the HTTP server: warning by default)",
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
        "--root-path",
        default="",
        metavar="PREFIX",
        help="the path prefix a reverse proxy strips before passing requests on, e.g. /demo "
        "when https://host/demo/ reaches this server as /",
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
    new = commands.add_parser("new", help="write a new app and its test into a folder")
    new.add_argument("name", help="the folder to create (its last part names the app)")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "new":
            folder = scaffold.write_app(Path(args.name))
            print(scaffold.next_steps(folder))
            return 0
        _log_to_terminal(args.log_level)
        if args.frame_ancestors:
            os.environ[FRAMES_ENV] = args.frame_ancestors  # worker processes read it too
        if args.mcp:
            os.environ[MCP_ENV] = "1"  # worker processes read it too
        serve_file(
            args.app,
            host=args.host,
            port=_port_or_offer(args.host, args.port),
            reload=args.reload,
            workers=args.workers,
            allowed_hosts=args.allowed_host,
            root_path=args.root_path,
            open_browser=args.open,
            log_level=args.log_level,
        )
    except AppLoadError as exc:
        print(f"reactive: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


def _log_to_terminal(level: str | None) -> None:
    named = (level or "info").upper()
    logging.basicConfig(
        level=getattr(logging, "DEBUG" if named == "TRACE" else named),
        format="%(levelname)s %(name)s: %(message)s",
    )


def _port_or_offer(host: str, port: int) -> int:
    """``port``, or, when it is taken and someone is at the terminal, the next free one if they
    accept it; otherwise the error names the free port to pass."""
    if port == 0 or ports.is_free(host, port):
        return port
    free = ports.next_free(host, port)
    if free is not None and sys.stdin.isatty() and sys.stdout.isatty():
        answer = input(f"Port {port} on {host} is already in use. Serve on port {free}? [Y/n] ")
        if answer.strip().lower() in ("", "y", "yes"):
            return free
    raise AppLoadError(ports.taken(host, port, free))


if __name__ == "__main__":
    sys.exit(main())

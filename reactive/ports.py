"""Listening sockets for ``reactive run``: bind before serving, say clearly when a port is taken.

Binding here, before uvicorn starts, lets the CLI print the real URL for ``--port 0`` and offer
the next free port instead of a bare ``EADDRINUSE`` from deep inside the server.
"""

from __future__ import annotations

import errno
import socket

from reactive.errors import AppLoadError

#: How many ports above a taken one are tried for the offer.
_SEARCH = 50


def taken(host: str, port: int, free: int | None) -> str:
    """What to tell a user whose port is taken, offering ``free``."""
    offer = (
        f"Port {free} is free: run again with --port {free} (or --port 0 for any free port)."
        if free is not None
        else "Pass --port 0 to let the system pick a free port."
    )
    return (
        f"Port {port} on {host} is already in use (another server, or an earlier "
        f"`reactive run` still running). {offer}"
    )


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def bind(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port`` (``port`` 0: a free one the system picks).

    Raises:
        AppLoadError: the port is taken (the message offers the next free one), or the
            address cannot be listened on.
    """
    # IPPROTO_TCP, not 0: accepted sockets inherit it, and asyncio turns Nagle off
    # (TCP_NODELAY) only on sockets that say they are TCP. Without it every keep-alive HTTP
    # request after the first waits ~40 ms for the peer's delayed ACK.
    sock = socket.socket(_family(host), socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise AppLoadError(taken(host, port, next_free(host, port))) from None
        raise AppLoadError(f"Cannot listen on {host}:{port}: {exc.strerror}.") from None
    sock.set_inheritable(True)
    return sock


def is_free(host: str, port: int) -> bool:
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
        return True


def next_free(host: str, port: int) -> int | None:
    """The first free port above ``port``, or None within the next few dozen."""
    return next(
        (p for p in range(port + 1, min(port + 1 + _SEARCH, 65536)) if is_free(host, p)), None
    )


def bound_port(sock: socket.socket) -> int:
    port: int = sock.getsockname()[1]
    return port

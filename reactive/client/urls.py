"""Where the client connects: the one place the socket's URL is built from the app's URL."""

from __future__ import annotations

import secrets
from urllib.parse import quote, urlsplit, urlunsplit


def new_route_key() -> str:
    """A routing key, as a page mints one per load: a load balancer hashing on it sends every
    reconnect of this client to the process that holds its session (docs/deployment.md)."""
    return secrets.token_urlsafe(16)


def socket_url(app_url: str, route_key: str | None = None) -> str:
    """``http://host:port/prefix/`` → ``ws://host:port/prefix/ws`` (``https`` → ``wss``), with
    ``session=<route_key>`` added to the query when given."""
    parts = urlsplit(app_url if "://" in app_url else f"http://{app_url}")
    scheme = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}.get(parts.scheme)
    if scheme is None:
        raise ValueError(f"An app URL starts with http:// or https://, got {app_url!r}.")
    path = parts.path.rstrip("/")
    if not path.endswith("/ws"):
        path += "/ws"
    query = parts.query
    if route_key is not None:
        query = f"{query}&" if query else ""
        query += f"session={quote(route_key, safe='')}"
    return urlunsplit((scheme, parts.netloc, path, query, ""))


def origin_of(app_url: str) -> str:
    """The ``Origin`` a page of this app sends (the server checks it on the socket)."""
    parts = urlsplit(socket_url(app_url))
    return f"{'https' if parts.scheme == 'wss' else 'http'}://{parts.netloc}"

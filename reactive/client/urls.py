"""Where the client connects: the one place the socket's URL is built from the app's URL."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def socket_url(app_url: str) -> str:
    """``http://host:port/prefix/`` → ``ws://host:port/prefix/ws`` (``https`` → ``wss``)."""
    parts = urlsplit(app_url if "://" in app_url else f"http://{app_url}")
    scheme = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}.get(parts.scheme)
    if scheme is None:
        raise ValueError(f"An app URL starts with http:// or https://, got {app_url!r}.")
    path = parts.path.rstrip("/")
    if not path.endswith("/ws"):
        path += "/ws"
    return urlunsplit((scheme, parts.netloc, path, parts.query, ""))


def origin_of(app_url: str) -> str:
    """The ``Origin`` a page of this app sends (the server checks it on the socket)."""
    parts = urlsplit(socket_url(app_url))
    return f"{'https' if parts.scheme == 'wss' else 'http'}://{parts.netloc}"

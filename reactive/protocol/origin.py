"""Which requests may reach the app: the ``Host`` check (DNS rebinding) and the ``Origin`` check.

A page on another site can make the visitor's browser talk to a local server in two ways: by
opening a WebSocket to it (the browser sends that site's ``Origin``), or by DNS rebinding (the
attacker's name, say ``evil.example``, starts resolving to 127.0.0.1, so the page's requests
are same-origin and carry ``Host: evil.example``). The first is refused by comparing the
``Origin`` with the request's scheme, host and port; the second by accepting only host names
the server knows: IP addresses (a rebinding attack needs a name), ``localhost`` and
``*.localhost`` (RFC 6761: always the loopback), the name it was started on, and the names the
operator allowed (``reactive run --allowed-host``). Pure: no I/O, tested with strings.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit

ANY_HOST = "*"
_DEFAULT_PORTS = {"http": 80, "https": 443}


class HostPolicy:
    """The host names one server answers to.

    ``allowed`` entries are names (``app.example.com``), ``.example.com`` for the name and every
    subdomain, or ``*`` for any host (only behind a proxy that checks the host itself).
    """

    def __init__(self, allowed: Iterable[str] = (), bound: str = "127.0.0.1") -> None:
        names = {_normal(name) for name in allowed if name.strip()}
        if bound not in ("0.0.0.0", "::", ""):
            names.add(_normal(bound))
        self.any = ANY_HOST in names
        self.exact = frozenset(n for n in names if not n.startswith("."))
        self.suffixes = tuple(n for n in names if n.startswith("."))

    def allows(self, host_header: str | None) -> bool:
        """True when a request with this ``Host`` header may be answered."""
        if self.any:
            return True
        name = hostname(host_header)
        if name is None:
            return False
        if _is_ip(name) or name == "localhost" or name.endswith(".localhost"):
            return True
        return name in self.exact or any(
            name.endswith(suffix) or name == suffix[1:] for suffix in self.suffixes
        )

    @staticmethod
    def refusal(host_header: str | None) -> str:
        """What a refused request is told: what was wrong and what to do."""
        name = hostname(host_header) or "(none)"
        return (
            f"Host {host_header!r} is not allowed: this server answers only to its own "
            f"addresses, so that other web sites cannot reach it through DNS rebinding. If "
            f"{name!r} is this server's name, start it with `reactive run APP.py "
            f"--allowed-host {name}` (or serve(..., allowed_hosts=[{name!r}]))."
        )


def origin_allowed(origin: str | None, host_header: str | None, scheme: str = "http") -> bool:
    """A browser may connect only from a page of this server: same scheme, host and port.

    ``scheme`` is the request's own (``ws``/``http``, or ``wss``/``https`` behind TLS or a
    proxy that says so with ``X-Forwarded-Proto``); no ``Origin`` means not a browser.
    """
    if origin is None:
        return True  # not a browser: browsers always send Origin on WebSocket upgrades
    if host_header is None:
        return False
    try:
        theirs = urlsplit(origin)
        ours = urlsplit(f"{_http_scheme(scheme)}://{host_header}")
        their_port = theirs.port or _DEFAULT_PORTS.get(theirs.scheme)
        our_port = ours.port or _DEFAULT_PORTS[ours.scheme]
    except ValueError:  # a port that is not a number, a malformed IPv6 literal
        return False
    if theirs.scheme != ours.scheme or theirs.hostname is None or their_port is None:
        return False
    return (theirs.hostname, their_port) == (ours.hostname, our_port)


def hostname(host_header: str | None) -> str | None:
    """The name in a ``Host`` header, lowercased, without port or IPv6 brackets."""
    if not host_header:
        return None
    try:
        name = urlsplit(f"http://{host_header.strip()}").hostname
    except ValueError:
        return None
    return name.rstrip(".") if name else None


def _http_scheme(scheme: str) -> str:
    return "https" if scheme in ("https", "wss") else "http"


def _normal(name: str) -> str:
    name = name.strip().lower()
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    return name.rstrip(".")


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True

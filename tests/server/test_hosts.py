"""DNS rebinding (issue 9, item 5): only the server's own host names are answered, everywhere."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

import reactive as rx
from reactive.protocol.origin import HostPolicy
from reactive.server import create_app


def client(**kwargs: object) -> TestClient:
    return TestClient(create_app(rx.App(title="hosts"), **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/static/app.css"])
def test_a_foreign_host_name_gets_400_with_what_to_do(path: str) -> None:
    with client() as c:
        response = c.get(path, headers={"host": "evil.example:8790"})
    assert response.status_code == 400
    assert "--allowed-host evil.example" in response.text


def test_a_rebinding_page_gets_no_socket() -> None:
    # The rebinding page's Origin and Host agree: only the Host check stops it.
    headers = {"host": "evil.example:8790", "origin": "http://evil.example:8790"}
    with client() as c, pytest.raises(WebSocketDisconnect) as info:  # noqa: SIM117
        with c.websocket_connect("ws://evil.example:8790/ws", headers=headers):
            pass
    assert info.value.code == 1008


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST", "app.localhost:1"]
)
def test_loopback_names_are_answered(host: str) -> None:
    with client() as c:
        assert c.get("/", headers={"host": host}).status_code == 200


def test_allowed_hosts_are_answered() -> None:
    with client(allowed_hosts=["app.example.com", ".corp.example"]) as c:
        assert c.get("/", headers={"host": "app.example.com"}).status_code == 200
        assert c.get("/", headers={"host": "a.corp.example:8000"}).status_code == 200
        assert c.get("/", headers={"host": "corp.example"}).status_code == 200
        assert c.get("/", headers={"host": "evilcorp.example"}).status_code == 400


@pytest.mark.parametrize(
    ("allowed", "bound", "host", "answered"),
    [
        ((), "127.0.0.1", "10.1.2.3:8000", True),  # an IP address cannot be rebound
        ((), "0.0.0.0", "myserver.lan:8000", False),  # names must be given when bound to all
        (("myserver.lan",), "0.0.0.0", "myserver.lan:8000", True),
        ((), "myserver.lan", "MyServer.LAN.:8000", True),  # the name it was started on
        (("*",), "0.0.0.0", "anything.example", True),
        ((), "127.0.0.1", None, False),
        ((), "127.0.0.1", "bad host:x", False),
    ],
)
def test_host_policy(
    allowed: tuple[str, ...], bound: str, host: str | None, answered: bool
) -> None:
    assert HostPolicy(allowed, bound).allows(host) is answered

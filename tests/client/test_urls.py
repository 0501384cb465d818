"""The client's socket URL: under the app's prefix, with the routing key a load balancer hashes."""

from __future__ import annotations

import pytest

from reactive.client.urls import new_route_key, origin_of, socket_url


@pytest.mark.parametrize(
    ("app", "socket"),
    [
        ("http://127.0.0.1:8000", "ws://127.0.0.1:8000/ws?session=k"),
        ("https://host/demo/", "wss://host/demo/ws?session=k"),
        ("http://host/demo/?lang=fr", "ws://host/demo/ws?lang=fr&session=k"),
    ],
)
def test_the_socket_url_carries_the_routing_key(app: str, socket: str) -> None:
    assert socket_url(app, "k") == socket


def test_each_client_mints_its_own_url_safe_key() -> None:
    keys = {new_route_key() for _ in range(50)}
    assert len(keys) == 50
    assert all(key == socket_url("http://h", key).rsplit("session=", 1)[1] for key in keys)


def test_the_origin_is_the_pages() -> None:
    assert origin_of("https://host/demo/") == "https://host"

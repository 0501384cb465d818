"""Against a real uvicorn server on loopback: what a browser's handshake actually gets."""

from __future__ import annotations

import asyncio
import http.client
from collections.abc import Iterator
from typing import Any

import msgpack
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

import reactive as rx
from reactive.cli import background_server
from tests.session.test_inbox import queued_app


@pytest.fixture
def host() -> Iterator[str]:
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="t"), outputs=rx.Text(), live=True)
    def echo(text: str) -> str:
        return text

    with background_server(app) as url:
        yield url.split("//", 1)[1].rstrip("/")


async def test_foreign_origin_gets_http_403(host: str) -> None:
    with pytest.raises(InvalidStatus) as info:
        async with connect(f"ws://{host}/ws", origin="http://evil.example"):  # type: ignore[arg-type]
            pass
    assert info.value.response.status_code == 403


async def test_own_origin_gets_a_session(host: str) -> None:
    async with connect(f"ws://{host}/ws", origin=f"http://{host}") as ws:  # type: ignore[arg-type]
        await ws.send(msgpack.packb({"t": "hello", "v": 1, "session": None}))
        assert msgpack.unpackb(await ws.recv())["t"] == "welcome"


# ---------------------------------------------------------------- Host and Origin (issue 9, item 5)


@pytest.fixture
def proxied() -> Iterator[tuple[str, int]]:
    """A server that knows its public name, as behind a reverse proxy."""
    app = rx.App()
    rx.Textbox()
    with background_server(app, allowed_hosts=["app.example.com"]) as url:
        host, port = url.split("//", 1)[1].rstrip("/").rsplit(":", 1)
        yield host, int(port)


def http_get(port: int, headers: dict[str, str]) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.putrequest("GET", "/", skip_host=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


async def test_dns_rebinding_is_refused_on_the_page_and_the_socket(host: str) -> None:
    port = int(host.rsplit(":", 1)[1])
    evil = f"evil.example:{port}"
    status, body = http_get(port, {"Host": evil})
    assert status == 400
    assert "--allowed-host evil.example" in body
    with pytest.raises(InvalidStatus) as info:
        async with connect(  # the rebinding page is same-origin with its own name
            f"ws://{evil}/ws",
            host="127.0.0.1",
            port=port,
            origin=f"http://{evil}",  # type: ignore[arg-type]
        ):
            pass
    assert info.value.response.status_code == 403


@pytest.mark.parametrize("scheme", ["https", "ws", "chrome-extension"])
async def test_an_origin_of_another_scheme_is_refused(host: str, scheme: str) -> None:
    with pytest.raises(InvalidStatus) as info:
        async with connect(f"ws://{host}/ws", origin=f"{scheme}://{host}"):  # type: ignore[arg-type]
            pass
    assert info.value.response.status_code == 403


async def test_what_a_tls_proxy_sends_gets_a_session(proxied: tuple[str, int]) -> None:
    # nginx: Host $host (no port), X-Forwarded-Proto https, the browser's https Origin.
    loopback, port = proxied
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    async with connect(
        "ws://app.example.com/ws",
        host=loopback,
        port=port,
        origin="https://app.example.com",  # type: ignore[arg-type]
        additional_headers=headers,
    ) as ws:
        await ws.send(msgpack.packb({"t": "hello", "v": 1, "session": None}))
        assert msgpack.unpackb(await ws.recv())["t"] == "welcome"
    assert http_get(port, {"Host": "app.example.com", **headers})[0] == 200


async def test_a_proxy_that_hides_https_is_refused_with_403(proxied: tuple[str, int]) -> None:
    loopback, port = proxied
    with pytest.raises(InvalidStatus) as info:
        async with connect(
            "ws://app.example.com/ws",
            host=loopback,
            port=port,
            origin="https://app.example.com",  # type: ignore[arg-type]
        ):
            pass
    assert info.value.response.status_code == 403


# ---------------------------------------------------------------- the direct socket


async def test_under_our_protocol_frames_take_the_direct_socket_and_keep_their_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reactive import server

    direct_pumps: list[object] = []
    original = server._pump_direct

    async def counted(websocket: Any, direct: Any, sessions: Any) -> None:
        direct_pumps.append(direct)
        await original(websocket, direct, sessions)

    monkeypatch.setattr(server, "_pump_direct", counted)
    seen: list[str] = []
    app = queued_app(seen)  # every input recorded, in order; its output upper-cased
    keys = [f"k{i}" for i in range(300)]
    with background_server(app) as url:
        host = url.split("//", 1)[1].rstrip("/")
        async with connect(f"ws://{host}/ws", origin=f"http://{host}") as ws:  # type: ignore[arg-type]
            await ws.send(msgpack.packb({"t": "hello", "v": 1, "session": None}))
            assert msgpack.unpackb(await ws.recv())["t"] == "welcome"
            for key in keys:  # a burst, many frames to one read of the socket
                await ws.send(msgpack.packb({"t": "input", "c": "t", "v": key}))
            shown = ""
            async with asyncio.timeout(10):
                while shown != "K299":
                    batch = msgpack.unpackb(await ws.recv())
                    for event in batch.get("e", []):
                        if event.get("t") == "update" and event.get("c") == "out":
                            shown = event["v"]
                    if batch.get("t") == "batch":
                        await ws.send(msgpack.packb({"t": "ack", "n": batch["n"]}))
    assert len(direct_pumps) == 1
    assert seen == keys  # every frame handled, in the order it was sent

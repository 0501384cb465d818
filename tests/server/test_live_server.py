"""Against a real uvicorn server on loopback: what a browser's handshake actually gets."""

from __future__ import annotations

from collections.abc import Iterator

import msgpack
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

import reactive as rx
from reactive.cli import background_server


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

"""``app.asgi()`` mounted in FastAPI and Starlette parents, and ``root_path`` from a proxy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgpack
import pytest
from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.testclient import TestClient

import reactive as rx
from reactive.server import create_app, mountable


def shout_app() -> rx.App:
    app = rx.App(title="Mounted")

    @app.fn(inputs=rx.Textbox(elem_id="text"), outputs=rx.Text(elem_id="shout"), live=True)
    def shout(text: str) -> str:
        return text.upper()

    return app


def pack(obj: Any) -> bytes:
    packed: bytes = msgpack.packb(obj, use_bin_type=True)
    return packed


@pytest.fixture
def parent() -> Iterator[TestClient]:
    mounted = shout_app().asgi()
    api = FastAPI(lifespan=mounted.lifespan)

    @api.get("/hello")
    def hello() -> dict[str, str]:
        return {"from": "parent"}

    api.mount("/demo", mounted)
    with TestClient(api, base_url="http://127.0.0.1:8000") as client:
        yield client


def test_the_page_names_its_bundle_under_the_prefix(parent: TestClient) -> None:
    page = parent.get("/demo/")
    assert page.status_code == 200
    assert '<script type="module" src="/demo/static/app.js">' in page.text
    assert '<link rel="stylesheet" href="/demo/static/app.css">' in page.text


def test_the_prefix_without_its_slash_redirects_to_the_page(parent: TestClient) -> None:
    answer = parent.get("/demo", follow_redirects=False)
    assert answer.status_code in (307, 308)
    assert answer.headers["location"].endswith("/demo/")


def test_the_bundle_is_served_under_the_prefix_and_not_at_the_root(parent: TestClient) -> None:
    assert parent.get("/demo/static/app.js").status_code == 200
    assert parent.get("/static/app.js").status_code == 404
    assert parent.get("/hello").json() == {"from": "parent"}  # the parent's routes still answer


def test_a_live_function_answers_through_the_mounted_socket(parent: TestClient) -> None:
    with parent.websocket_connect("ws://127.0.0.1:8000/demo/ws") as ws:
        ws.send_bytes(pack({"t": "hello", "v": 1, "session": None}))
        assert msgpack.unpackb(ws.receive_bytes())["t"] == "welcome"
        ws.send_bytes(pack({"t": "input", "c": "text", "v": "hi"}))
        values: list[object] = []
        while "HI" not in values:
            batch = msgpack.unpackb(ws.receive_bytes())
            values += [e.get("v") for e in batch["e"]]
            ws.send_bytes(pack({"t": "ack", "n": batch["n"]}))


def test_mounted_in_starlette_too() -> None:
    mounted = shout_app().asgi()
    parent = Starlette(routes=[Mount("/tools/shout", mounted)], lifespan=mounted.lifespan)
    with TestClient(parent, base_url="http://127.0.0.1:8000") as client:
        assert 'src="/tools/shout/static/app.js"' in client.get("/tools/shout/").text


def test_the_lifespan_closes_the_sessions_with_the_parent() -> None:
    mounted = mountable(shout_app())
    api = FastAPI(lifespan=mounted.lifespan)
    api.mount("/demo", mounted)
    with TestClient(api, base_url="http://127.0.0.1:8000") as client:
        with client.websocket_connect("ws://127.0.0.1:8000/demo/ws") as ws:
            ws.send_bytes(pack({"t": "hello", "v": 1, "session": None}))
            ws.receive_bytes()
        assert len(mounted.starlette.state.sessions) == 1
    assert len(mounted.starlette.state.sessions) == 0


def test_a_root_path_from_a_proxy_prefixes_the_pages_urls() -> None:
    # uvicorn --root-path /demo hands the app, for a request the proxy stripped to "/x", the
    # scope {"root_path": "/demo", "path": "/demo/x"} (the ASGI spec's full path).
    app = create_app(shout_app())
    with TestClient(app, base_url="http://127.0.0.1:8000", root_path="/demo") as client:
        assert 'src="/demo/static/app.js"' in client.get("/demo/").text
        assert client.get("/demo/static/app.js").status_code == 200

"""gr.mount_gradio_app: a Gradio app under a FastAPI or Starlette parent's prefix, its sessions
started and closed with the parent's lifespan, and root_path= naming the page's URL prefix."""

from __future__ import annotations

import msgpack
import pytest
from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.testclient import TestClient

import reactive as gr
from reactive.errors import DefinitionError


def demo() -> gr.Interface:
    return gr.Interface(lambda s: s.upper(), gr.Textbox(elem_id="text"), gr.Textbox(elem_id="out"))


def test_mounted_in_fastapi_the_page_and_the_parents_routes_answer() -> None:
    app = FastAPI()

    @app.get("/")
    def home() -> dict[str, str]:
        return {"message": "main"}

    mounted = gr.mount_gradio_app(app, demo(), path="/gradio")
    assert mounted is app
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/").json() == {"message": "main"}
        assert 'src="/gradio/static/app.js"' in client.get("/gradio/").text
        with client.websocket_connect("ws://127.0.0.1:8000/gradio/ws") as ws:
            ws.send_bytes(msgpack.packb({"t": "hello", "v": 1, "session": None}))
            welcome = msgpack.unpackb(ws.receive_bytes())
            assert welcome["t"] == "welcome"
            assert "text" in welcome["app"]["components"]
        sessions = app.routes[-1].app.starlette.state.sessions
        assert len(sessions) == 1
    assert len(sessions) == 0  # the parent's lifespan closed the demo's sessions


def test_behind_an_outer_prefix_with_root_path() -> None:
    inner = FastAPI()
    inner = gr.mount_gradio_app(inner, demo(), path="/gradio", root_path="/myapp/gradio")
    outer = Starlette(routes=[Mount("/myapp", app=inner)], lifespan=inner.router.lifespan_context)
    with TestClient(outer, base_url="http://127.0.0.1:8000") as client:
        page = client.get("/myapp/gradio/")
        assert 'src="/myapp/gradio/static/app.js"' in page.text
        assert client.get("/myapp/gradio/static/app.js").status_code == 200


def test_misuse_is_refused() -> None:
    with pytest.raises(DefinitionError, match="FastAPI or Starlette"):
        gr.mount_gradio_app(object(), demo(), path="/x")
    with pytest.raises(DefinitionError, match="must start with '/'"):
        gr.mount_gradio_app(FastAPI(), demo(), path="x")

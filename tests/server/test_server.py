"""The Starlette app in process: page, bundle, origin check, and frames over a real socket."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import msgpack
import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

import reactive as rx
from reactive.protocol.origin import origin_allowed
from reactive.server import create_app


def build_app() -> rx.App:
    app = rx.App(title="Server <test>")

    @app.fn(inputs=rx.Textbox(elem_id="text"), outputs=rx.Text(elem_id="shout"), live=True)
    def shout(text: str) -> str:
        return text.upper()

    return app


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(create_app(build_app()), base_url="http://127.0.0.1:8000") as test_client:
        yield test_client


def pack(obj: Any) -> bytes:
    packed: bytes = msgpack.packb(obj, use_bin_type=True)
    return packed


HELLO = pack({"t": "hello", "v": 1, "session": None})
# The test client names "testserver" unless given a whole URL; a browser names the server.
WS = "ws://127.0.0.1:8000/ws"


def test_index_page_loads_the_bundle_and_escapes_the_title(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<script type="module" src="/static/app.js">' in page.text
    assert "<title>Server &lt;test&gt;</title>" in page.text


def test_bundle_files_are_served(client: TestClient) -> None:
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")


@pytest.mark.parametrize("path", ["/favicon.ico", "/static/favicon.svg"])
def test_every_page_has_a_favicon(client: TestClient, path: str) -> None:
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get("/").text
    icon = client.get(path)
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg+xml")
    assert icon.text.startswith("<svg")


@pytest.mark.parametrize(
    "path",
    [
        "/static/../server.py",
        "/static/%2e%2e/server.py",
        "/static/../../pyproject.toml",
        "/server.py",
    ],
)
def test_only_the_bundle_is_served(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_a_session_over_a_real_socket(client: TestClient) -> None:
    with client.websocket_connect(WS) as ws:
        ws.send_bytes(HELLO)
        welcome = msgpack.unpackb(ws.receive_bytes())
        assert welcome["t"] == "welcome"
        assert welcome["v"] == 1
        ws.send_bytes(pack({"t": "input", "c": "text", "v": "hi"}))
        events: list[dict[str, Any]] = []
        while not any(e.get("v") == "HI" for e in events):
            batch = msgpack.unpackb(ws.receive_bytes())
            events += batch["e"]
            ws.send_bytes(pack({"t": "ack", "n": batch["n"]}))


def test_foreign_origin_is_refused_at_the_handshake(client: TestClient) -> None:
    with pytest.raises(WebSocketDisconnect) as info:  # noqa: SIM117 - the refusal is the point
        with client.websocket_connect(WS, headers={"origin": "http://evil.example"}):
            pass
    assert info.value.code == 1008


def test_same_origin_is_accepted(client: TestClient) -> None:
    with client.websocket_connect(WS, headers={"origin": "http://127.0.0.1:8000"}) as ws:
        ws.send_bytes(HELLO)
        assert msgpack.unpackb(ws.receive_bytes())["t"] == "welcome"


@pytest.mark.parametrize(
    ("origin", "host", "allowed"),
    [
        (None, "127.0.0.1:8000", True),
        ("http://127.0.0.1:8000", "127.0.0.1:8000", True),
        ("http://LOCALHOST:8000", "localhost:8000", True),
        ("http://127.0.0.1:9000", "127.0.0.1:8000", False),
        ("http://attacker.example", "127.0.0.1:8000", False),
        ("null", "127.0.0.1:8000", False),
        ("http://127.0.0.1:8000", None, False),
        ("https://127.0.0.1:8000", "127.0.0.1:8000", False),
        ("ws://127.0.0.1:8000", "127.0.0.1:8000", False),
        ("chrome-extension://127.0.0.1:8000", "127.0.0.1:8000", False),
        ("http://127.0.0.1", "127.0.0.1:80", True),
        ("http://[::1]:8000", "[::1]:8000", True),
        ("http://127.0.0.1:x", "127.0.0.1:8000", False),
    ],
)
def test_origin_rule(origin: str | None, host: str | None, allowed: bool) -> None:
    assert origin_allowed(origin, host) is allowed


@pytest.mark.parametrize(
    ("origin", "host", "scheme", "allowed"),
    [
        ("https://app.example.com", "app.example.com", "wss", True),  # TLS at a proxy
        ("https://app.example.com", "app.example.com:443", "wss", True),
        ("http://app.example.com", "app.example.com", "wss", False),
        ("https://app.example.com", "app.example.com", "ws", False),  # proxy did not say https
    ],
)
def test_origin_scheme_is_the_requests_own(
    origin: str, host: str, scheme: str, allowed: bool
) -> None:
    assert origin_allowed(origin, host, scheme) is allowed


def test_first_message_other_than_hello_closes_with_4400(client: TestClient) -> None:
    with client.websocket_connect(WS) as ws:
        ws.send_bytes(pack({"t": "input", "c": "text", "v": "x"}))
        error = msgpack.unpackb(ws.receive_bytes())
        assert error["t"] == "error"
        assert "hello" in error["msg"]
        with pytest.raises(WebSocketDisconnect) as info:
            ws.receive_bytes()
        assert info.value.code == 4400


def test_text_frames_get_an_error_and_the_socket_stays_open(client: TestClient) -> None:
    with client.websocket_connect(WS) as ws:
        ws.send_bytes(HELLO)
        ws.receive_bytes()
        ws.send_text('{"t": "input"}')
        error = msgpack.unpackb(ws.receive_bytes())
        assert (error["t"], error["code"]) == ("error", "bad_frame")
        ws.send_bytes(pack({"t": "input", "c": "text", "v": "ok"}))
        assert msgpack.unpackb(ws.receive_bytes())["t"] == "batch"


def test_oversized_message_closes_with_1009(client: TestClient) -> None:
    with client.websocket_connect(WS) as ws:
        ws.send_bytes(HELLO)
        ws.receive_bytes()
        ws.send_bytes(pack({"t": "input", "c": "text", "v": "x" * (17 * 1024 * 1024)}))
        error = msgpack.unpackb(ws.receive_bytes())
        assert error["code"] == "too_large"
        with pytest.raises(WebSocketDisconnect) as info:
            ws.receive_bytes()
        assert info.value.code == 1009


def test_a_bad_session_does_not_disturb_another(client: TestClient) -> None:
    with client.websocket_connect(WS) as good, client.websocket_connect(WS) as bad:
        good.send_bytes(HELLO)
        good.receive_bytes()
        bad.send_bytes(b"\xc1garbage")
        assert msgpack.unpackb(bad.receive_bytes())["code"] == "bad_frame"
        with pytest.raises(WebSocketDisconnect):
            bad.receive_bytes()
        good.send_bytes(pack({"t": "input", "c": "text", "v": "fine"}))
        assert msgpack.unpackb(good.receive_bytes())["t"] == "batch"


# ---------------------------------------------------------------- issue 9: headers, bad names


def test_the_page_has_a_policy_without_inline_script(client: TestClient) -> None:
    headers = client.get("/").headers
    policy = headers["content-security-policy"]
    assert "script-src 'self' " in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "'unsafe-eval'" not in policy  # only an app with a Plot needs it
    assert "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy
    assert (headers["x-content-type-options"], headers["referrer-policy"]) == (
        "nosniff",
        "no-referrer",
    )


@pytest.mark.parametrize("path", ["/static/app.js", "/static/app.css", "/static/missing.js"])
def test_every_response_says_nosniff(client: TestClient, path: str) -> None:
    assert client.get(path).headers["x-content-type-options"] == "nosniff"


def test_framing_is_configurable() -> None:
    app = create_app(build_app(), frame_ancestors="'none'")
    with TestClient(app, base_url="http://127.0.0.1:8000") as test_client:
        assert "frame-ancestors 'none'" in test_client.get("/").headers["content-security-policy"]


def test_the_page_template_has_no_inline_script_or_style(client: TestClient) -> None:
    page = client.get("/").text
    assert "<style" not in page
    assert " style=" not in page
    assert page.count("<script") == page.count('<script type="module" src=')


def test_a_bad_file_name_is_answered_and_the_socket_stays_up() -> None:
    app = build_app()

    @app.fn(inputs=rx.File(elem_id="doc"), outputs=rx.Text())
    def name(path: str) -> str:
        return path

    with TestClient(create_app(app)) as test_client, test_client.websocket_connect(WS) as ws:
        ws.send_bytes(HELLO)
        ws.receive_bytes()
        for bad in ["..", "a\x00b", "é" * 200]:
            ws.send_bytes(pack({"t": "input", "c": "doc", "v": {"name": bad, "data": b"x"}}))
            error = msgpack.unpackb(ws.receive_bytes())
            assert (error["t"], error["code"], error["c"]) == ("error", "bad_value", "doc")
        ws.send_bytes(pack({"t": "input", "c": "text", "v": "still here"}))
        assert msgpack.unpackb(ws.receive_bytes())["t"] == "batch"


def test_a_request_parameter_sees_the_sockets_headers_and_the_pages_query() -> None:
    with rx.Blocks() as demo:
        seen = rx.Textbox(elem_id="seen")

        def who(request: rx.Request) -> str:
            agent = request.headers.get("x-probe")
            return f"{agent} {request.query_params.get('lang')} {request.client.host}"

        demo.load(who, None, seen)
    events: list[dict[str, Any]] = []
    with (
        TestClient(create_app(demo), base_url="http://127.0.0.1:8000") as client,
        client.websocket_connect(WS + "?lang=fr", headers={"x-probe": "p1"}) as ws,
    ):
        ws.send_bytes(HELLO)
        msgpack.unpackb(ws.receive_bytes())  # the welcome
        while not any(e.get("c") == "seen" and "v" in e for e in events):
            batch = msgpack.unpackb(ws.receive_bytes())
            events += batch["e"]
            ws.send_bytes(pack({"t": "ack", "n": batch["n"]}))
    value = next(e["v"] for e in events if e.get("c") == "seen" and "v" in e)
    assert value == "p1 fr testclient"

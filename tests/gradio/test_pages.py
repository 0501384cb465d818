"""Multipage apps (Gradio's ``demo.route``) and ``gr.DeepLinkButton``.

Each page is served under its path with its own page, socket and sessions; every page links
to the pages listed in the navbar (a ``gr.Navbar`` draws them, else the page does)."""

from __future__ import annotations

from typing import Any

import msgpack
import pytest
from starlette.testclient import TestClient

import reactive as gr
from reactive.cli import _find_app
from reactive.errors import DefinitionError
from reactive.server import create_app
from reactive.testing import AppTester


def multipage(navbar: bool = False) -> gr.Blocks:
    with gr.Blocks(title="Site") as demo:
        if navbar:
            gr.Navbar(main_page_name="Dashboard", elem_id="nav")
        gr.Textbox(elem_id="name")
    with demo.route("Up") as up:
        num = gr.Number(elem_id="num")
        up.load(lambda: 20, None, num)
        gr.Button("Increase", elem_id="inc").click(lambda x: x + 1, num, num)
    with demo.route("Settings", "/settings/"):
        gr.Markdown("# Settings")
    with demo.route("Hidden", show_in_navbar=False):
        gr.Markdown("hidden")
    return demo


def test_pages_get_paths_from_their_names_or_as_given() -> None:
    demo = multipage()
    assert [(p.path, p.name) for p in demo.pages] == [
        ("up", "Up"), ("settings", "Settings"), ("hidden", "Hidden")
    ]  # fmt: skip


def test_each_page_links_to_the_listed_pages_relative_to_itself() -> None:
    demo = multipage()
    assert demo.describe()["pages"] == [
        ["Home", "./", True, True], ["Up", "./up/", False, False],
        ["Settings", "./settings/", False, False],
    ]  # fmt: skip
    up = demo.pages[0].app
    assert up.describe()["pages"] == [
        ["Home", "../", False, True], ["Up", "./", True, False],
        ["Settings", "../settings/", False, False],
    ]  # fmt: skip
    assert up.title == "Site"


def test_a_navbar_draws_the_links_named_by_its_main_page_name() -> None:
    demo = multipage(navbar=True)
    spec = demo.describe()
    assert "pages" not in spec  # the Navbar draws them
    assert spec["components"]["nav"]["props"]["pages"][0] == ["Dashboard", "./", True, True]
    assert demo.pages[1].app.describe()["pages"][0] == ["Dashboard", "../", False, True]


async def test_a_page_runs_its_own_listeners_and_load() -> None:
    async with AppTester(multipage().pages[0].app) as page:
        assert await page.wait_value("num", 20)
        await page.click("inc")
        assert await page.wait_value("num", 21)


def test_route_inside_the_with_or_on_a_page_is_refused() -> None:
    with gr.Blocks() as demo, pytest.raises(DefinitionError, match="unindent it"):
        demo.route("X")
    page = demo.route("Y")
    with pytest.raises(DefinitionError, match="on the main app"):
        page.route("Z")
    with pytest.raises(DefinitionError, match="a page's path may hold"):
        demo.route("Bad", "/a b")


def test_a_path_the_server_uses_or_a_page_took_gets_an_underscore() -> None:
    demo = gr.Blocks()
    assert [demo.route(n, p).page_of[1] for n, p in [("A", "/api"), ("B", "b"), ("C", "b")]] == [  # type: ignore[index]
        "_api", "b", "_b"
    ]  # fmt: skip


def test_the_file_s_app_is_the_main_one_not_a_page() -> None:
    demo = multipage()
    namespace: dict[str, Any] = {"demo": demo, "up": demo.pages[0].app}
    assert _find_app(namespace, "app.py", "") is demo


def pack(obj: Any) -> bytes:
    packed: bytes = msgpack.packb(obj, use_bin_type=True)
    return packed


def test_the_server_serves_each_page_with_its_socket_under_its_path() -> None:
    with TestClient(create_app(multipage()), base_url="http://127.0.0.1:8000") as client:
        page = client.get("/up/")
        assert page.status_code == 200
        assert 'src="/up/static/app.js"' in page.text
        assert client.get("/up", follow_redirects=False).status_code in (307, 308)
        with client.websocket_connect("ws://127.0.0.1:8000/up/ws") as ws:
            ws.send_bytes(pack({"t": "hello", "v": 1, "session": None}))
            welcome = msgpack.unpackb(ws.receive_bytes())
            assert "num" in welcome["app"]["components"]
            assert "name" not in welcome["app"]["components"]
        assert client.get("/").status_code == 200


def test_a_deep_link_button_is_a_button_with_its_copied_text() -> None:
    with gr.Blocks() as demo:
        gr.DeepLinkButton(elem_id="share")
        gr.DeepLinkButton("Link", "Done", elem_id="other", size="sm", icon=None)
    components = demo.describe()["components"]
    assert components["share"]["type"] == "deeplinkbutton"
    assert components["share"]["props"]["value"] == "Share via Link"
    assert components["share"]["props"]["copied_value"] == "Link Copied!"
    assert components["other"]["props"]["copied_value"] == "Done"


async def test_a_deep_link_button_click_still_triggers_its_listeners() -> None:
    with gr.Blocks() as demo:
        out = gr.Textbox(elem_id="out")
        gr.DeepLinkButton(elem_id="share").click(lambda: "shared", None, out)
    async with AppTester(demo) as page:
        await page.click("share")
        assert await page.wait_value("out", "shared")

"""A mounted app in Chromium: under a FastAPI parent's prefix, and behind a stripping proxy."""

from __future__ import annotations

from fastapi import FastAPI
from playwright.sync_api import Page, expect

from reactive.cli import background_asgi, background_server
from tests.browser.conftest import open_app
from tests.browser.proxy import stripping_proxy
from tests.server.test_mount import shout_app


def type_and_expect_shout(page: Page) -> None:
    page.locator("#text input").fill("mounted")
    expect(page.locator("#shout .rx-value")).to_have_text("MOUNTED")


def test_an_app_mounted_in_fastapi_works_under_its_prefix(page: Page) -> None:
    mounted = shout_app().asgi()
    parent = FastAPI(lifespan=mounted.lifespan)

    @parent.get("/")
    def home() -> dict[str, str]:
        return {"home": "parent"}

    parent.mount("/demo", mounted)
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    with background_asgi(parent) as url:
        open_app(page, url + "demo")  # the parent redirects /demo to /demo/
        assert page.url == url + "demo/"
        type_and_expect_shout(page)
        # under the prefix; the query is the page's routing key (transport/route.ts)
        assert [s.split("?")[0] for s in sockets] == [url.replace("http", "ws", 1) + "demo/ws"]
        assert all(s.split("?")[1].startswith("session=") for s in sockets)
        assert page.evaluate("fetch('/').then((r) => r.json())") == {"home": "parent"}


def test_root_path_behind_a_proxy_that_strips_the_prefix(page: Page) -> None:
    with (
        background_server(shout_app(), root_path="/tools/shout") as upstream,
        stripping_proxy(upstream, "/tools/shout") as url,
    ):
        open_app(page, url)
        type_and_expect_shout(page)

"""A dropped socket: the page says so, reconnects, and resumes the same session."""

from __future__ import annotations

from playwright.sync_api import Page, WebSocketRoute, expect

import reactive as rx
from tests.browser.conftest import SOCKET_URL, Serve, open_app


def test_page_reconnects_and_resumes_its_session(page: Page, serve: Serve) -> None:
    app = rx.App(title="reconnect")

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def shout(q: str) -> str:
        return q.upper()

    routes: list[WebSocketRoute] = []

    def proxy(route: WebSocketRoute) -> None:
        route.connect_to_server()  # forwards both ways until closed
        routes.append(route)

    page.route_web_socket(SOCKET_URL, proxy)
    open_app(page, serve(app))
    page.locator("#q input").fill("before")
    expect(page.locator("#out .rx-value")).to_have_text("BEFORE")

    routes[-1].close(code=4000, reason="network blip")
    expect(page.locator("html")).to_have_attribute("data-rx-state", "reconnecting")
    expect(page.locator("#rx-connection")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("data-rx-state", "ready", timeout=5000)
    assert len(routes) == 2
    # both sockets carry the page's one routing key, so a load balancer sends them to one process
    assert "?session=" in routes[0].url
    assert routes[1].url == routes[0].url

    # the resumed session kept its values, and still answers
    expect(page.locator("#out .rx-value")).to_have_text("BEFORE")
    expect(page.locator("#q input")).to_have_value("before")
    page.locator("#q input").fill("after")
    expect(page.locator("#out .rx-value")).to_have_text("AFTER")

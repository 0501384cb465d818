"""Gradio's small components in Chromium: a date typed into gr.DateTime reaches the function as a
timestamp, and gr.Code is a monospace field whose text reaches the function."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def small_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        when = gr.DateTime(timezone="UTC", elem_id="when")
        stamp = gr.Textbox(label="Timestamp", elem_id="stamp")
        when.change(lambda t: str(int(t)), when, stamp)
        code = gr.Code("", language="python", elem_id="code")
        size = gr.Textbox(label="Lines", elem_id="size")
        gr.Button("Count", elem_id="count").click(lambda c: str(len(c.splitlines())), code, size)
    return demo


def test_a_typed_date_and_typed_code_reach_their_functions(page: Page, serve: Serve) -> None:
    open_app(page, serve(small_app()))
    field = page.locator("#when input, #when textarea").first
    field.fill("1970-01-02 00:00:00")
    field.press("Enter")
    expect(page.locator("#stamp .rx-value")).to_have_value("86400")
    editor = page.locator("#code textarea")
    font = editor.evaluate("(e) => getComputedStyle(e).fontFamily")
    assert "mono" in font.lower()
    editor.fill("x = 1\ny = 2\nprint(x + y)")
    page.locator("#count button").click()
    expect(page.locator("#size .rx-value")).to_have_value("3")

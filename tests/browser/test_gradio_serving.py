"""Serving Gradio apps in Chromium: one mounted with gr.mount_gradio_app answers under its
FastAPI parent's prefix, and a gr.api function adds nothing a person sees."""

from __future__ import annotations

from fastapi import FastAPI
from playwright.sync_api import Page, expect

import reactive as gr
from reactive.cli import background_asgi
from tests.browser.conftest import Serve, open_app


def test_a_mounted_interface_answers_under_the_parents_prefix(page: Page) -> None:
    parent = FastAPI()

    @parent.get("/")
    def home() -> dict[str, str]:
        return {"message": "main"}

    demo = gr.Interface(lambda s: s.upper(), gr.Textbox(label="In"), gr.Textbox(label="Out"))
    app = gr.mount_gradio_app(parent, demo, path="/gradio")
    with background_asgi(app) as url:
        open_app(page, url + "gradio/")
        page.get_by_label("In").fill("mounted")
        page.get_by_role("button", name="Submit").click()
        expect(page.get_by_label("Out")).to_have_value("MOUNTED")
        assert page.evaluate("fetch('/').then((r) => r.json())") == {"message": "main"}


def test_an_api_only_function_shows_nothing(page: Page, serve: Serve) -> None:
    def add(a: int, b: int) -> int:
        return a + b

    with gr.Blocks() as demo:
        gr.Markdown("Only text here")
        gr.api(add)
    open_app(page, serve(demo))
    expect(page.get_by_text("Only text here")).to_be_visible()
    expect(page.locator("input:visible, textarea:visible, button:visible")).to_have_count(0)

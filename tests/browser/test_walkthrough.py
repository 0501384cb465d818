"""gr.Walkthrough in Chromium: numbered steps, one shown at a time; a button's function moves
to the next step, and gr.Tabs(selected=...) returned from a function opens that tab."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def test_a_button_moves_the_walkthrough_to_the_next_step(page: Page, serve: Serve) -> None:
    with gr.Blocks() as demo, gr.Walkthrough(selected=0) as walkthrough:
        with gr.Step("Image", id=0):
            gr.Button("go to prompt").click(lambda: gr.Walkthrough(selected=1), outputs=walkthrough)
        with gr.Step("Prompt", id=1):
            gr.Textbox(label="Your prompt")
    open_app(page, serve(demo))
    steps = page.get_by_role("tab")
    expect(steps).to_have_text(["Image", "Prompt"])
    marker = steps.first.evaluate("(e) => getComputedStyle(e, '::before').content")
    assert marker == '"1"'  # drawn as a numbered step
    expect(page.get_by_label("Your prompt")).to_be_hidden()
    page.get_by_role("button", name="go to prompt").click()
    expect(page.get_by_label("Your prompt")).to_be_visible()
    expect(page.get_by_role("tab", name="Prompt")).to_have_attribute("aria-selected", "true")


def test_returned_tabs_open_the_tab_with_that_id(page: Page, serve: Serve) -> None:
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("One", id="one"):
                gr.Markdown("first")
            with gr.Tab("Two", id="two"):
                gr.Markdown("second")
        gr.Button("Change tab").click(lambda: gr.Tabs(selected="two"), None, tabs)
    open_app(page, serve(demo))
    expect(page.get_by_text("second")).to_be_hidden()
    page.get_by_role("button", name="Change tab").click()
    expect(page.get_by_text("second")).to_be_visible()

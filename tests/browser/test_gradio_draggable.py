"""gr.Draggable in Chromium: each child has a handle, and dragging one child's handle onto
another moves it there."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def dashboard() -> gr.Blocks:
    with gr.Blocks() as demo, gr.Draggable(orientation="row", elem_id="board"):
        for name in ("one", "two", "three"):
            gr.Markdown(f"Chart {name}", elem_id=name)
    return demo


def test_dragging_a_handle_reorders_the_children(page: Page, serve: Serve) -> None:
    open_app(page, serve(dashboard()))
    items = page.locator("#board > .rx-drag-item")
    expect(items).to_have_count(3)
    expect(items.nth(0).locator("[data-component]")).to_have_id("one")
    items.nth(0).get_by_role("button", name="drag to reorder").drag_to(items.nth(2))
    expect(items.nth(2).locator("[data-component]")).to_have_id("one")
    expect(items.nth(0).locator("[data-component]")).to_have_id("two")

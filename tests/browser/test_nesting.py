"""Gradio apps inside a gr.Blocks, in Chromium: a gr.TabbedInterface shows each Interface in its
tab and each answers there; a ChatInterface rendered inside a Blocks chats under the Blocks' own
components."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def test_each_tab_of_a_tabbed_interface_answers_in_its_own_tab(page: Page, serve: Serve) -> None:
    hello = gr.Interface(lambda n: "Hello " + n, gr.Textbox(label="Name"), "text", title="Hi")
    bye = gr.Interface(lambda n: "Bye " + n, gr.Textbox(label="Name"), "text")
    open_app(page, serve(gr.TabbedInterface([hello, bye], ["Hello World", "Bye World"])))
    expect(page.get_by_role("heading", name="Hi")).to_be_visible()
    page.get_by_role("tab", name="Bye World").click()
    panels = page.get_by_role("tabpanel").filter(has=page.get_by_label("Name"))
    panel = panels.locator("visible=true")
    panel.get_by_label("Name").fill("you")
    panel.get_by_role("button", name="Submit").click()
    expect(panel.get_by_label("output")).to_have_value("Bye you")
    expect(page.get_by_role("heading", name="Hi")).to_be_hidden()  # the first tab's title


def test_a_chat_rendered_in_blocks_answers_below_the_blocks_own_text(
    page: Page, serve: Serve
) -> None:
    chat = gr.ChatInterface(lambda message, history: message[::-1])
    with gr.Blocks() as demo:
        gr.Markdown("## Reverser")
        chat.render()
    open_app(page, serve(demo))
    expect(page.get_by_role("heading", name="Reverser")).to_be_visible()
    box = page.get_by_placeholder("Type a message…")
    box.fill("stressed")
    box.press("Enter")
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("desserts")
    heading_box = page.get_by_role("heading", name="Reverser").bounding_box()
    chat_box = page.locator(".rx-msg[data-role=assistant]").bounding_box()
    assert heading_box is not None
    assert chat_box is not None
    assert chat_box["y"] > heading_box["y"]

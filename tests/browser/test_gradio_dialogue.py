"""gr.Dialogue and gr.ParamViewer in Chromium: a line typed and Enter pressed submits the
dialogue as text; a new line gets the first speaker; parameters show with type and default."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def dialogue_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        talk = gr.Dialogue(
            speakers=["Ann", "Bob"], value=[{"speaker": "Bob", "text": "Hi"}],
            interactive=True, elem_id="talk",
        )  # fmt: skip
        out = gr.Textbox(label="Said", elem_id="out")
        talk.submit(lambda x: x, talk, out)
        gr.ParamViewer({"ndigits": {"type": "int", "description": "Digits", "default": "0"}},
                       elem_id="params")  # fmt: skip
    return demo


def test_a_dialogue_line_submits_and_parameters_show(page: Page, serve: Serve) -> None:
    open_app(page, serve(dialogue_app()))
    expect(page.locator("#talk select").first).to_have_value("Bob")
    page.locator("#talk").get_by_role("button", name="+ Line").click()
    expect(page.locator("#talk select").nth(1)).to_have_value("Ann")
    field = page.locator("#talk input").nth(1)
    field.fill("Hello")
    field.press("Enter")
    expect(page.locator("#out .rx-value")).to_have_value("[Bob] Hi\n[Ann] Hello")
    expect(page.locator("#params dt")).to_have_text("ndigits: int = 0")
    expect(page.locator("#params dd")).to_have_text("Digits")

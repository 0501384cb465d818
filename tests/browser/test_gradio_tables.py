"""DataFrame in Chromium: a pandas Styler's colours show on its cells, and an edited cell
reaches an .edit listener's gr.EditData with the old and new values."""

from __future__ import annotations

import pandas as pd
from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def tables_app() -> gr.Blocks:
    frame = pd.DataFrame({"A": [14, 4], "B": [5, 20]})
    with gr.Blocks() as demo:
        styled = frame.style.highlight_max(color="lightgreen", axis=0)
        gr.Dataframe(styled, interactive=False, elem_id="styled")
        table = gr.Dataframe([[1, 2], [3, 4]], interactive=True, elem_id="table")
        out = gr.Textbox(label="Edit", elem_id="out")

        def edited(evt: gr.EditData) -> str:
            return f"{evt.index} {evt.previous_value}->{evt.value}"

        table.edit(edited, None, out)
    return demo


def test_styled_cells_and_an_edit(page: Page, serve: Serve) -> None:
    open_app(page, serve(tables_app()))
    green = "rgb(144, 238, 144)"  # lightgreen
    cells = page.locator("#styled tbody td")
    expect(cells.nth(0)).to_have_text("14")
    expect(cells.nth(0)).to_have_css("background-color", green)
    expect(cells.nth(1)).not_to_have_css("background-color", green)
    expect(cells.nth(3)).to_have_css("background-color", green)
    field = page.locator("#table tbody tr").nth(1).locator("input").first
    field.fill("9")
    field.press("Enter")
    expect(page.locator("#out .rx-value")).to_have_value("[1, 0] 3->9")

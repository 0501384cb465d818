"""Native plots in Chromium: a drag across a LinePlot brushes an x range that reaches
gr.SelectData and zooms the plot (x_lim returned); a double click zooms back out."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app

AT_LEFT = re.compile(r"^(55\.9\d*|56(\.0\d*)?)$")  # the plot area starts at 56 px
TABLE = {"weight": list(range(11)), "height": [w * 2 for w in range(11)]}


def zoom_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        plot = gr.LinePlot(TABLE, x="weight", y="height", elem_id="plot")
        picked = gr.Textbox(label="Range", elem_id="range")

        def zoom(selection: gr.SelectData) -> tuple[object, str]:
            low, high = selection.index
            return gr.LinePlot(x_lim=(low, high)), f"{low:.0f}-{high:.0f}"

        plot.select(zoom, None, [plot, picked])
        plot.double_click(lambda: (gr.LinePlot(x_lim=None), "all"), None, [plot, picked])
    return demo


def test_a_drag_brushes_a_range_and_a_double_click_resets(page: Page, serve: Serve) -> None:
    open_app(page, serve(zoom_app()))
    svg = page.locator("#plot svg")
    expect(svg.locator("circle")).to_have_count(11)
    box = svg.bounding_box()
    assert box is not None
    left, right = box["x"] + 56, box["x"] + box["width"] - 16  # the plot area inside its margins
    y = box["y"] + box["height"] / 2
    step = (right - left) / 10
    page.mouse.move(left + 2 * step, y)
    page.mouse.down()
    page.mouse.move(left + 4 * step, y, steps=5)
    expect(svg.locator("rect.rx-brush")).to_have_count(1)  # the band follows the pointer
    page.mouse.move(left + 6 * step, y, steps=5)
    page.mouse.up()
    expect(page.locator("#range .rx-value")).to_have_value("2-6")
    # zoomed: the axis now starts at 2, so the dot at weight 2 sits at the plot's left edge
    dot = page.locator("#plot svg circle").nth(2)
    expect(dot).to_have_attribute("cx", AT_LEFT)
    page.locator("#plot svg").dblclick(position={"x": box["width"] / 2, "y": box["height"] / 2})
    expect(page.locator("#range .rx-value")).to_have_value("all")
    expect(page.locator("#plot svg circle").nth(0)).to_have_attribute("cx", AT_LEFT)

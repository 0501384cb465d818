"""Native plots in Blocks: a brushed range (select), a double click, settings returned."""

from __future__ import annotations

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester

TABLE = {"weight": [1, 2, 3, 4, 5, 6], "height": [2, 4, 6, 8, 10, 12]}


def zoomable() -> gr.Blocks:
    with gr.Blocks() as demo:
        plot = gr.LinePlot(TABLE, x="weight", y="height", elem_id="plot")
        total = gr.Number(elem_id="total")

        def zoom(selection: gr.SelectData) -> object:
            low, high = selection.index
            return gr.LinePlot(x_lim=(low, high))

        def summed(selection: gr.SelectData) -> float:
            low, high = selection.index
            return sum(w for w in TABLE["weight"] if low <= w <= high)

        plot.select(zoom, None, plot)
        plot.select(summed, None, total)
        plot.double_click(lambda: gr.LinePlot(x_lim=None), None, plot)
    return demo


async def test_a_brushed_range_reaches_select_data_and_x_lim_redraws_the_value() -> None:
    demo = zoomable()
    assert demo.describe()["listen"] == {"plot": ["select", "double_click"]}
    async with AppTester(demo) as page:
        brushed = {"index": [2, 4.5], "value": [2, 4.5], "selected": True}
        await page.send({"t": "trigger", "c": "plot", "e": "select", "d": brushed})
        assert await page.wait_value("total", 9)
        assert await page.wait_until(
            lambda: (page.page.values["plot"] or {}).get("x_lim") == [2.0, 4.5]
        )
        assert page.page.values["plot"]["y"]["values"] == TABLE["height"]  # the same data
        await page.send({"t": "trigger", "c": "plot", "e": "double_click"})
        assert await page.wait_until(lambda: page.page.values["plot"]["x_lim"] is None)


async def test_a_returned_x_bin_bins_the_value_anew() -> None:
    with gr.Blocks() as demo:
        plot = gr.BarPlot(TABLE, x="weight", y="height", elem_id="plot")
        size = gr.Radio(["1", "3"], value="1", elem_id="size")
        size.change(lambda s: gr.BarPlot(x_bin=int(s)), size, plot)
    async with AppTester(demo) as page:
        await page.input("size", "3")
        assert await page.wait_until(lambda: (page.page.values["plot"] or {}).get("x_step") == 3.0)
        assert page.page.values["plot"]["x"]["values"] == [0, 3, 6]
        assert page.page.values["plot"]["y"]["values"] == [6, 24, 12]


def test_double_click_only_on_a_native_plot() -> None:
    with gr.Blocks(), pytest.raises(DefinitionError, match="double_click"):
        gr.Textbox().double_click(lambda: None)

"""A callable ``value=`` is called on each page load, as Gradio does."""

from __future__ import annotations

import itertools

import reactive as gr
from reactive.testing import AppTester


async def test_a_callable_value_is_called_for_each_page() -> None:
    counter = itertools.count(1)
    with gr.Blocks() as demo:
        gr.Number(value=lambda: next(counter), elem_id="n")  # type: ignore[arg-type]
        gr.Slider(0, 10, value=lambda: 7, elem_id="s")  # type: ignore[arg-type]  # its limits never meet the function
        gr.LinePlot(value=lambda: {"x": [1, 2], "y": [3, 4]}, x="x", y="y", elem_id="plot")
    async with AppTester(demo) as first:
        assert await first.wait_value("n", 1)
        assert await first.wait_value("s", 7)
        assert await first.wait_until(lambda: first.page.values["plot"] is not None)
        assert first.page.values["plot"]["y"]["values"] == [3, 4]
    async with AppTester(demo) as second:
        assert await second.wait_value("n", 2)


async def test_a_state_factory_is_still_called_per_session_and_not_bound() -> None:
    with gr.Blocks() as demo:
        gr.State(value=list)
    assert demo.functions == []


async def test_every_repeats_a_callable_value() -> None:
    counter = itertools.count(1)
    with gr.Blocks() as demo:
        gr.Number(value=lambda: next(counter), every=0.05, elem_id="n")  # type: ignore[arg-type]
    async with AppTester(demo) as page:
        assert await page.wait_until(lambda: (page.page.values["n"] or 0) >= 3)


def test_a_callable_value_and_being_an_output_keep_inputs_and_buttons_interactive() -> None:
    with gr.Blocks() as demo:
        gr.Textbox(value=lambda: "now", elem_id="t")  # type: ignore[arg-type]
        button = gr.Button("Go", elem_id="b")
        gr.Button("Hide").click(lambda: gr.Button(visible=False), None, button)
    components = demo.describe()["components"]
    assert components["t"]["props"]["interactive"] is True
    assert components["b"]["props"]["interactive"] is True

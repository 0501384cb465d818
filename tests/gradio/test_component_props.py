"""A parameter annotated with a component class receives the input's properties and value."""

from __future__ import annotations

from typing import Any

import reactive as gr
from reactive.testing import AppTester


async def test_a_component_annotation_passes_properties_and_value() -> None:
    with gr.Blocks() as demo:
        a = gr.Number(value=5, minimum=0, maximum=10, elem_id="a")
        out = gr.JSON(elem_id="out")
        btn = gr.Button("Show", elem_id="show")

        def show(x: gr.Number) -> dict[str, object]:
            return {"value": x.value, "maximum": x.maximum, "minimum": x.minimum}

        btn.click(show, a, out)
    async with AppTester(demo) as page:
        await page.click("show")
        assert await page.wait_value("out", {"value": 5, "maximum": 10, "minimum": 0})


async def test_a_returned_namespace_updates_the_changed_properties_and_value() -> None:
    with gr.Blocks() as demo:
        a = gr.Number(value=5, minimum=0, maximum=10, elem_id="a")
        out = gr.JSON(elem_id="out")
        double = gr.Button("Double", elem_id="double")

        def doubled(x: Any) -> object:  # Gradio's demos annotate it gr.Number
            x.maximum *= 2
            x.value = x.value * 2
            return x

        def show(x: gr.Number) -> dict[str, object]:
            return {"value": x.value, "maximum": x.maximum}

        doubled.__annotations__["x"] = gr.Number
        double.click(doubled, a, a).then(show, a, out)
    async with AppTester(demo) as page:
        await page.click("double")
        assert await page.wait_value("out", {"value": 10, "maximum": 20})
        assert page.page.props["a"]["maximum"] == 20
        await page.click("double")
        assert await page.wait_value("out", {"value": 20, "maximum": 40})


async def test_a_plain_annotation_still_passes_the_value() -> None:
    with gr.Blocks() as demo:
        a = gr.Number(value=2, elem_id="a")
        out = gr.Number(elem_id="out")
        btn = gr.Button("Go", elem_id="go")

        def plus(x: float) -> float:
            return x + 1

        btn.click(plus, a, out)
    async with AppTester(demo) as page:
        await page.click("go")
        assert await page.wait_value("out", 3)

"""Gradio's update style: a function returns a component or a layout block (``return
gr.Textbox(visible=False)``, ``gr.Tab(visible=False)``), and the output changes just the
properties that were named, as ``gr.update(...)`` would."""

from __future__ import annotations

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def updating_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        with gr.Tab("One") as tab:
            text = gr.Textbox("start", label="Text", elem_id="text")
        with gr.Column() as column:
            choice = gr.Dropdown(["a"], value="a", elem_id="choice")
        go = gr.Button("Go", elem_id="go")
        go.click(
            lambda: [
                gr.Tab(visible=False),
                gr.Column(visible=False),
                gr.Dropdown(choices=["x", "y"], value="y"),
                gr.Textbox(label="Renamed"),  # no value given: the value stays
            ],
            outputs=[tab, column, choice, text],
        )
    return demo


async def test_returned_components_and_blocks_change_only_what_they_name() -> None:
    async with AppTester(updating_app()) as page:
        await page.click("go")
        assert await page.wait_value("choice", "y")
        assert await page.wait_until(lambda: "label" in page.page.props.get("text", {}))
        props = page.page.props
        assert props["text"] == {"label": "Renamed"}
        assert page.page.values["text"] == "start"
        assert props["choice"]["choices"] == [["x", "x"], ["y", "y"]]
        hidden = [p for name, p in props.items() if name.startswith("layoutblock")]
        assert hidden == [{"visible": False}, {"visible": False}]


async def test_a_returned_component_naming_what_cannot_change_is_an_error_naming_it() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox(elem_id="text")
        gr.Button("Go", elem_id="go").click(lambda: gr.Textbox(autofocus=True), outputs=text)
    async with AppTester(demo) as page:
        await page.click("go")

        def errors() -> list[str]:
            return [s.get("msg", "") for s in page.page.status.values() if s.get("s") == "error"]

        assert await page.wait_until(lambda: bool(errors()))
        assert "no updatable property autofocus" in errors()[0]


def test_a_block_made_outside_blocks_and_outside_a_run_is_still_refused() -> None:
    with pytest.raises(DefinitionError, match="must be created inside"):
        gr.Row()

"""gr.Walkthrough / gr.Step: steps drawn as tabs marked as a walkthrough; a function returning
gr.Walkthrough(selected=...) (or gr.Tabs(selected=...)) moves to the step with that id."""

from __future__ import annotations

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def stepper() -> tuple[gr.Blocks, gr.Walkthrough]:
    with gr.Blocks() as demo, gr.Walkthrough(selected=0) as walkthrough:
        with gr.Step("Image", id=10):
            gr.Button("go to prompt", elem_id="next").click(
                lambda: gr.Walkthrough(selected=11), outputs=walkthrough
            )
        with gr.Step("Prompt", id=11):
            gr.Textbox(elem_id="prompt")
    return demo, walkthrough


async def test_a_returned_walkthrough_selects_the_step_by_its_id() -> None:
    demo, walkthrough = stepper()
    node = demo.describe()["layout"]["children"][0]
    assert node["type"] == "tabs"
    assert node["props"]["walkthrough"] is True
    assert [c["props"]["label"] for c in node["children"]] == ["Image", "Prompt"]
    assert walkthrough.output is not None
    async with AppTester(demo) as page:
        await page.click("next")
        output = walkthrough.output.id
        assert await page.wait_until(lambda: page.page.props.get(output, {}).get("selected") == 1)


def test_a_step_outside_a_walkthrough_is_refused() -> None:
    with gr.Blocks(), pytest.raises(DefinitionError, match=r"inside `with gr\.Walkthrough"):
        gr.Step("Lost")

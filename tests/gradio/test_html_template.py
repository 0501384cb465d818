"""gr.HTML with html_template / js_on_load: props, events sent by trigger(...), children."""

from __future__ import annotations

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.server import page_policy
from reactive.testing import AppTester

BUTTONS = """
    element.querySelectorAll('button').forEach((b) =>
        b.addEventListener('click', () => trigger('click', {clicked: b.innerText})));
"""


async def test_a_trigger_from_js_on_load_reaches_the_listener_with_its_data() -> None:
    with gr.Blocks() as demo:
        buttons = gr.HTML(["A", "B"], html_template="${value.map(v => `<button>${v}</button>`)}",
                          js_on_load=BUTTONS, elem_id="buttons")  # fmt: skip
        out = gr.Textbox(elem_id="out")

        def clicked(evt: gr.EventData) -> str:
            return str(evt.clicked)

        buttons.click(clicked, None, out)
    assert "'unsafe-eval'" in page_policy(demo)
    props = demo.describe()["components"]["buttons"]["props"]
    assert (props["value"], props["js_on_load"]) == (["A", "B"], BUTTONS)
    async with AppTester(demo) as page:
        await page.send({"t": "trigger", "c": "buttons", "e": "click", "d": {"clicked": "B"}})
        assert await page.wait_value("out", "B")


async def test_template_props_change_when_returned() -> None:
    with gr.Blocks() as demo:
        hello = gr.HTML("John", html_template="<h1 style='font-size: ${size}px'>${value}</h1>",
                        size=30, elem_id="hello")  # fmt: skip
        size = gr.Slider(10, 100, value=30, elem_id="size")
        size.change(lambda s: gr.HTML(size=s), size, hello)
    assert demo.describe()["components"]["hello"]["props"]["props"] == {"size": 30}
    async with AppTester(demo) as page:
        await page.input("size", 50)
        assert await page.wait_until(
            lambda: page.page.props.get("hello", {}).get("props") == {"size": 50}
        )


def test_children_made_inside_go_to_a_column_the_template_places() -> None:
    with gr.Blocks() as demo:
        with gr.HTML(html_template="<h2>Form</h2>@children", elem_id="form"):
            gr.Textbox(elem_id="name")
        gr.Textbox(elem_id="after")
    layout = demo.describe()["layout"]["children"]
    assert layout[0] == "form"
    assert layout[1]["props"]["elem_id"] == "form--children"
    assert layout[1]["children"] == ["name"]
    assert layout[2] == "after"
    assert demo.describe()["components"]["form"]["props"]["children"] == "form--children"


def test_a_plain_html_sends_no_clicks() -> None:
    with gr.Blocks(), pytest.raises(DefinitionError, match=r"HTML.click\(...\) is not supported"):
        gr.HTML("<b>hi</b>").click(lambda: None)


def test_server_functions_must_be_functions() -> None:
    # what they do: tests/gradio/test_html_server_functions.py
    with gr.Blocks(), pytest.raises(DefinitionError, match=r"server_functions= takes functions"):
        gr.HTML(js_on_load="", server_functions=["list_files"])

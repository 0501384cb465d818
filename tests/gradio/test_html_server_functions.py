"""``gr.HTML(server_functions=[fn])``: the page's ``js_on_load`` calls Python as
``await server.fn(...)`` (html_server_functions, super_html)."""

from __future__ import annotations

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def add(a: int, b: int) -> int:
    return a + b


def html_app() -> tuple[gr.Blocks, gr.HTML]:
    with gr.Blocks() as demo:
        html = gr.HTML("x", html_template="<b>${value}</b>", js_on_load="0", server_functions=[add])
    return demo, html


def test_the_page_learns_which_call_and_which_result_each_function_has() -> None:
    demo, html = html_app()
    spec = demo.describe()
    (fn,) = spec["fns"]
    name, result = spec["components"][html.id]["props"]["server_functions"]["add"]
    assert (fn["id"], fn["outputs"], fn["progress"]) == (name, [result], False)
    assert spec["components"][result]["props"]["visible"] is False
    assert "triggers" not in fn  # only a call runs it


async def test_a_call_with_the_arguments_fills_the_result_and_calls_queue() -> None:
    demo, _ = html_app()
    (function,) = demo.functions
    result = function.outputs[0].id
    async with AppTester(demo) as page:
        await page.send({"t": "call", "k": 1, "f": function.id, "a": [[2, 3]]})
        await page.send({"t": "call", "k": 2, "f": function.id, "a": [[4, 5]]})
        assert await page.wait_until(
            lambda: [e.get("v") for e in page.events if e["t"] == "update"] == [5, 9]
        )
        runs = {e["k"]: e["r"] for e in page.events if e["t"] == "called"}
        updates = {e["r"]: e["v"] for e in page.events if e["t"] == "update"}
        assert (updates[runs[1]], updates[runs[2]]) == (5, 9)  # neither cancelled the other
        assert all(e["c"] == result for e in page.events if e["t"] == "update")


def test_server_functions_need_js_on_load_and_a_blocks() -> None:
    with pytest.raises(DefinitionError, match="needs js_on_load"):
        gr.HTML("x", html_template="<b></b>", server_functions=[add])
    with pytest.raises(DefinitionError, match=r"inside `with gr\.Blocks\(\) as demo:`"):
        gr.HTML("x", js_on_load="0", server_functions=[add])

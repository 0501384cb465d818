"""``gr.HTML(server_functions=[fn])``: the page's ``js_on_load`` calls Python as
``await server.fn(...)`` (html_server_functions, super_html)."""

from __future__ import annotations

from pathlib import Path

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


UPLOAD_ON_LOAD = """
    element.querySelector('button').addEventListener('click', async () => {
        const { path } = await upload(element.querySelector('input').files[0]);
        props.value = path;
    });
"""


def upload_app() -> tuple[gr.Blocks, gr.HTML, gr.Textbox]:
    with gr.Blocks() as demo:
        html = gr.HTML(
            html_template="<input type='file'><button>Upload</button>",
            js_on_load=UPLOAD_ON_LOAD,
            elem_id="up",
        )
        content = gr.Textbox(elem_id="content")
        gr.Button("View", elem_id="view").click(lambda path: Path(path).read_text(), html, content)
    return demo, html, content


def test_upload_in_js_on_load_is_a_function_the_page_learns() -> None:
    demo, _, _ = upload_app()
    spec = demo.describe()
    name, result = spec["components"]["up"]["props"]["upload"]
    (fn,) = (f for f in spec["fns"] if f["id"] == name)
    assert fn["outputs"] == [result]
    assert "triggers" not in fn
    assert spec["components"][result]["props"]["visible"] is False
    assert spec["components"][fn["inputs"][0]]["type"] == "file"
    plain = gr.HTML(html_template="<b></b>", js_on_load="trigger('click')")
    assert plain.upload_function is None  # bound only when js_on_load calls it


async def test_an_uploaded_file_is_saved_and_its_path_read_by_a_listener() -> None:
    demo, html, _ = upload_app()
    upload = html.upload_function
    assert upload is not None
    fid, result = upload.wire()
    sent = {"name": "notes.txt", "mime": "text/plain", "data": b"hello from the page"}
    async with AppTester(demo) as page:
        await page.send({"t": "call", "k": 1, "f": fid, "a": [[sent]]})
        assert await page.wait_until(
            lambda: any(e["t"] == "update" and e["c"] == result for e in page.events)
        )
        (saved,) = [e["v"] for e in page.events if e["t"] == "update" and e["c"] == result]
        assert Path(saved["path"]).name == "notes.txt"
        await page.input("up", saved["path"])  # js_on_load: props.value = path
        await page.click("view")
        assert await page.wait_value("content", "hello from the page")  # the file's bytes

"""DataFrame: .edit (gr.EditData), a pandas Styler as the value, type="polars"."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


async def test_an_edited_cell_reaches_edit_data() -> None:
    with gr.Blocks() as demo:
        table = gr.Dataframe([[1, 2], [3, 4]], interactive=True, elem_id="table")
        out = gr.Textbox(elem_id="out")

        def edited(evt: gr.EditData) -> str:
            return f"{evt.index} {evt.previous_value}->{evt.value}"

        table.edit(edited, None, out)
    assert demo.describe()["components"]["table"]["props"]["events"] == ["edit"]
    async with AppTester(demo) as page:
        edit = {"index": [1, 0], "value": 9, "previous_value": 3}
        await page.send({"t": "trigger", "c": "table", "e": "edit", "d": edit})
        assert await page.wait_value("out", "[1, 0] 3->9")


def test_a_styler_shows_its_data_and_its_safe_cell_styles() -> None:
    frame = pd.DataFrame({"A": [14, 4], "B": [5, 20]})
    styler = frame.style.highlight_max(color="lightgreen", axis=0)
    table = gr.Dataframe(styler)
    wire = table.postprocess(styler)
    assert wire["data"] == [[14, 5], [4, 20]]
    assert wire["styles"] == [
        ["background-color: lightgreen", None],
        [None, "background-color: lightgreen"],
    ]
    assert table.initial_python_value().equals(frame)
    hostile = frame.style.map(lambda v: "background: url(x); color: red; position: fixed")
    assert gr.Dataframe().postprocess(hostile)["styles"][0] == ["color: red", "color: red"]


def test_type_polars_gives_a_polars_frame_or_says_what_to_install() -> None:
    if importlib.util.find_spec("polars") is None:
        with pytest.raises(DefinitionError, match=r"needs polars: `pip install polars`"):
            gr.Dataframe(type="polars")
        return
    table = gr.Dataframe(type="polars")
    frame = table.preprocess({"headers": ["a", "b"], "data": [["x", "1"]]})
    assert type(frame).__module__.startswith("polars")
    assert table.postprocess(frame)["data"] == [["x", "1"]]

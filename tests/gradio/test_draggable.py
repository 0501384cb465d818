"""gr.Draggable: a layout block whose children the page lets a person reorder."""

from __future__ import annotations

import pytest

import reactive as gr
from reactive.errors import DefinitionError


def test_draggable_is_a_layout_block_with_its_orientation() -> None:
    with gr.Blocks() as demo, gr.Draggable(orientation="row"):
        gr.Markdown("a", elem_id="a")
    node = demo.describe()["layout"]["children"][0]
    assert (node["type"], node["props"]["orientation"], node["children"]) == (
        "draggable",
        "row",
        ["a"],
    )


def test_an_unknown_orientation_is_refused() -> None:
    with gr.Blocks(), pytest.raises(DefinitionError, match="orientation must be 'row' or 'column'"):
        gr.Draggable(orientation="diagonal")

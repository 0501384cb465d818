"""``interface.examples_handler``: an Interface's examples as a ``gr.Examples`` whose
``.dataset`` a listener gives new samples (image_mod)."""

from __future__ import annotations

from typing import Any

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def shout(text: str) -> str:
    return text.upper()


def handler_app() -> tuple[gr.Blocks, gr.Interface]:
    with gr.Blocks() as demo:
        face = gr.Interface(shout, gr.Textbox(elem_id="in"), "text", examples=["a", "b"])
        gr.Button("Update Examples", elem_id="more").click(
            lambda: gr.Dataset(samples=[["x"], ["y"], ["z"]]),
            None,
            face.examples_handler.dataset,
        )
    return demo, face


def holder(node: dict[str, Any], cid: str) -> str | None:
    """The elem_id of the layout block that holds component ``cid``."""
    if cid in node["children"]:
        elem_id: str | None = node["props"].get("elem_id")
        return elem_id
    found = (holder(c, cid) for c in node["children"] if isinstance(c, dict))
    return next((f for f in found if f is not None), None)


def test_the_examples_become_a_table_in_the_inputs_column() -> None:
    demo, face = handler_app()
    table = face.examples_handler
    assert table.dataset is table
    spec = demo.describe()
    assert all("examples" not in fn for fn in spec["fns"])  # drawn as the component now
    props = spec["components"][table.id]["props"]
    assert (props["samples"], props["fills"], props["targets"]) == (
        [["a"], ["b"]],
        [["a"], ["b"]],
        ["in"],
    )
    assert holder(spec["layout"], table.id) == "shout-inputs"  # under the inputs, as before


async def test_a_listener_gives_the_table_new_samples_and_what_they_fill() -> None:
    demo, face = handler_app()
    table = face.examples_handler
    async with AppTester(demo) as page:
        await page.click("more")
        assert await page.wait_until(lambda: "fills" in page.page.props.get(table.id, {}))
        assert page.page.props[table.id]["samples"] == [["x"], ["y"], ["z"]]
        assert page.page.props[table.id]["fills"] == [["x"], ["y"], ["z"]]


def test_an_interface_without_examples_says_so() -> None:
    with gr.Blocks():
        face = gr.Interface(shout, "text", "text")
        with pytest.raises(DefinitionError, match="has no examples"):
            face.examples_handler  # noqa: B018

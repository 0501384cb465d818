"""gr.Blocks: the with statement, standalone layout blocks, and what `reactive run` finds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import reactive as gr
from reactive.cli import load_app
from reactive.errors import CompatibilityWarning, DefinitionError
from reactive.testing import AppTester


def _layout_types(node: dict[str, Any]) -> list[Any]:
    """The layout tree as nested [type, children...] with component ids as leaves."""
    children = node["children"]
    return [node["type"], *[c if isinstance(c, str) else _layout_types(c) for c in children]]


def test_components_are_placed_in_order_inside_nested_blocks() -> None:
    with gr.Blocks(title="Layout") as demo:
        gr.Markdown("# Head", elem_id="head")
        with gr.Row():
            with gr.Column(scale=2, min_width=200):
                gr.Textbox(elem_id="a")
                gr.Textbox(elem_id="b")
            with gr.Column():
                gr.Number(elem_id="n")
        with gr.Group():
            gr.Checkbox(elem_id="c")
        with gr.Accordion("More", open=False):
            gr.Slider(elem_id="s")
        gr.Button("Go", elem_id="go")
    tree = demo.describe()["layout"]
    assert _layout_types(tree) == [
        "column",
        "head",
        ["row", ["column", "a", "b"], ["column", "n"]],
        ["group", "c"],
        ["accordion", "s"],
        "go",
    ]
    row = tree["children"][1]
    assert row["children"][0]["props"] == {"visible": True, "scale": 2, "min_width": 200}
    assert tree["children"][3]["props"]["label"] == "More"
    assert tree["children"][3]["props"]["open"] is False


def test_tabs_explicit_implicit_and_selected_by_id() -> None:
    with gr.Blocks() as demo:
        with gr.Tabs(selected="second"):
            with gr.Tab("One", id="first"):
                gr.Textbox(elem_id="t1")
            with gr.TabItem("Two", id="second"):
                gr.Textbox(elem_id="t2")
        with gr.Tab("Alone A"):
            gr.Textbox(elem_id="t3")
        with gr.Tab("Alone B"):
            gr.Textbox(elem_id="t4")
    tree = demo.describe()["layout"]
    assert _layout_types(tree) == [
        "column",
        ["tabs", ["tab", "t1"], ["tab", "t2"]],
        ["tabs", ["tab", "t3"], ["tab", "t4"]],
    ]
    assert tree["children"][0]["props"]["selected"] == 1
    assert [t["props"]["label"] for t in tree["children"][1]["children"]] == ["Alone A", "Alone B"]


def test_a_blocks_page_has_no_heading_and_its_title_names_the_tab() -> None:
    with gr.Blocks(title="My tool", css=".x{color:red}", fill_height=True) as demo:
        gr.Textbox()
    spec = demo.describe()
    assert spec["title"] == "My tool"
    assert spec["heading"] is False
    assert spec["css"] == ".x{color:red}"
    assert spec["fill_height"] is True


def test_layout_blocks_outside_blocks_are_refused() -> None:
    with pytest.raises(DefinitionError, match=r"gr.Row\(\) must be created inside"):
        gr.Row()
    with pytest.raises(DefinitionError, match=r"inside `with gr.Blocks\(\)"):
        gr.Button("x").click(lambda: None)


def test_theme_objects_and_unknown_arguments_are_named() -> None:
    with pytest.warns(CompatibilityWarning, match="delete_cache, theme"):
        gr.Blocks(theme=object(), analytics_enabled=False, delete_cache=(60, 60))
    with gr.Blocks(), pytest.warns(CompatibilityWarning, match="Row ignores .*: frobnicate"):
        gr.Row(variant="panel", frobnicate=1)


def test_queue_returns_the_app_and_launch_when_imported_does_nothing() -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    assert demo.queue(default_concurrency_limit=4) is demo
    demo.launch()  # imported (not __main__): returns at once


def test_reactive_run_finds_demo(tmp_path: Path) -> None:
    source = tmp_path / "app.py"
    source.write_text(
        "import reactive as gr\n"
        "with gr.Blocks() as demo:\n"
        "    name = gr.Textbox(elem_id='name')\n"
        "    out = gr.Textbox(elem_id='out')\n"
        "    name.submit(lambda n: n.upper(), name, out)\n"
        "if __name__ == '__main__':\n"
        "    demo.launch()\n"
    )
    app = load_app(str(source))
    assert isinstance(app, gr.Blocks)
    assert [f.id for f in app.functions] == ["<lambda>"]


async def test_a_second_with_adds_listeners_to_the_same_app() -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox(elem_id="name")
        out = gr.Textbox(elem_id="out")
    with demo:
        name.change(lambda n: f"<{n}>", name, out)
    async with AppTester(demo) as page:
        await page.input("name", "x")
        assert await page.wait_value("out", "<x>")


def test_a_component_made_outside_or_with_render_false_is_placed_by_render() -> None:
    outside = gr.Textbox(elem_id="outside")
    with gr.Blocks() as demo:
        later = gr.Textbox(elem_id="later", render=False)
        gr.Markdown("first", elem_id="first")
        outside.render()
        later.render()
    assert _layout_types(demo.describe()["layout"]) == ["column", "first", "outside", "later"]
    with pytest.raises(DefinitionError, match="must be called inside"):
        gr.Textbox().render()


def test_gr_render_outside_blocks_and_nested_blocks_are_refused_with_a_way_out() -> None:
    with pytest.raises(DefinitionError, match=r"@gr\.render must be created inside"):
        gr.render(inputs=[])


async def test_browser_state_is_sent_by_the_page_and_stored_from_outputs() -> None:
    with gr.Blocks() as demo:
        saved = gr.BrowserState(["start"], storage_key="notes", elem_id="saved")
        note = gr.Textbox(elem_id="note")
        shown = gr.Textbox(elem_id="shown")
        note.submit(lambda n, s: [*s, n], [note, saved], saved)
        saved.change(lambda s: ", ".join(s), saved, shown)
    spec = demo.describe()["components"]["saved"]
    assert spec["type"] == "browserstate"
    assert spec["props"]["storage_key"] == "notes"
    async with AppTester(demo) as page:
        await page.input("saved", ["kept", "from before"])  # the page's stored value
        assert await page.wait_value("shown", "kept, from before")
        await page.input("note", "new")
        await page.submit("note")
        assert await page.wait_value("saved", ["kept", "from before", "new"])
    with pytest.raises(DefinitionError, match="secret"):
        gr.BrowserState(secret="x")


def test_clear_gives_the_empty_blocks_and_empties_a_filled_one() -> None:
    demo = gr.Blocks()
    with demo.clear():
        gr.Textbox(elem_id="first")
    assert "first" in demo.components
    with demo.clear():
        gr.Textbox(elem_id="kept")
    assert "kept" in demo.components
    assert "first" not in demo.components
    assert demo.clear().components == {}  # Gradio's clear empties it

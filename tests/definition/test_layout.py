"""Layout blocks: components go where they are created, or where a function first uses them."""

from __future__ import annotations

from typing import Any

import pytest

import reactive as rx
from reactive.errors import DefinitionError


def child_types(node: dict[str, Any]) -> list[Any]:
    return [c if isinstance(c, str) else c["type"] for c in node["children"]]


def test_components_created_in_a_row_are_placed_in_it() -> None:
    app = rx.App()
    with app.row():
        a = rx.Textbox(elem_id="a")
        b = rx.Text(elem_id="b")

    @app.fn(inputs=a, outputs=b, live=True)
    def f(x: str) -> str:
        return x

    layout = app.describe()["layout"]
    assert child_types(layout) == ["row"]
    assert layout["children"][0]["children"] == ["a", "b"]
    assert a.label == "x"  # placed at creation, still labelled at first use


def test_components_created_outside_go_where_first_used() -> None:
    app = rx.App()
    a, b = rx.Textbox(elem_id="a"), rx.Text(elem_id="b")
    with app.column(scale=2):

        @app.fn(inputs=a, outputs=b, live=True)
        def f(x: str) -> str:
            return x

    column = app.describe()["layout"]["children"][0]
    assert column["type"] == "column"
    assert column["props"]["scale"] == 2
    assert column["children"] == ["a", "b"]


def test_unused_components_in_a_block_still_show() -> None:
    app = rx.App()
    with app.accordion("More", open=False):
        rx.Markdown("# Hi", elem_id="md")
    accordion = app.describe()["layout"]["children"][0]
    assert accordion == {
        "type": "accordion",
        "props": {"visible": True, "label": "More", "open": False},
        "children": ["md"],
    }
    assert app.describe()["components"]["md"]["props"]["value"] == "# Hi"


def test_tabs_hold_tabs_with_their_components() -> None:
    app = rx.App()
    with app.tabs(selected="Two"):
        with app.tab("One"):
            rx.Text("1", elem_id="one")
        with app.tab("Two"):
            rx.Text("2", elem_id="two")
    tabs = app.describe()["layout"]["children"][0]
    assert tabs["props"]["selected"] == "Two"
    assert [t["props"]["label"] for t in tabs["children"]] == ["One", "Two"]
    assert [t["children"] for t in tabs["children"]] == [["one"], ["two"]]


def test_a_tab_outside_tabs_is_a_clear_error() -> None:
    app = rx.App()
    with pytest.raises(DefinitionError, match=r"app.tab\('x'\) must be inside `with app\.tabs"):
        app.tab("x")


def test_a_component_directly_in_tabs_is_a_clear_error() -> None:
    app = rx.App()
    with app.tabs(), pytest.raises(DefinitionError, match="Only tabs go directly inside"):
        rx.Text()


def test_nested_blocks_and_an_auto_submit_button() -> None:
    app = rx.App()
    with app.row():
        with app.column():
            inp = rx.Number(elem_id="n")
        with app.column():
            out = rx.Number(elem_id="out")
    with app.group():

        @app.fn(inputs=inp, outputs=out)
        def double(n: float) -> float:
            return 2 * n

    layout = app.describe()["layout"]
    row, group = layout["children"]
    assert [c["children"] for c in row["children"]] == [["n"], ["out"]]
    assert group["type"] == "group"
    assert group["children"] == ["double-submit"]


def test_state_is_never_on_the_page() -> None:
    app = rx.App()
    with app.row():
        state = rx.State([1])
        box = rx.Text(elem_id="t")

    @app.fn(inputs=state, outputs=[box, state], trigger="load")
    def f(items: list[int]) -> tuple[str, list[int]]:
        return str(items), [*items, 1]

    described = app.describe()
    assert described["layout"]["children"][0]["children"] == ["t"]
    assert state.id not in described["components"]
    assert described["fns"][0] == {"id": "f", "inputs": [], "outputs": ["t"]}


def test_page_description_footer_css_and_theme() -> None:
    app = rx.App(
        title="T", description="**d**", footer="f", css=".x{}", theme={"accent": "#2b8a3e"}
    )
    described = app.describe()
    assert described["description"] == "**d**"
    assert described["footer"] == "f"
    assert described["css"] == ".x{}"
    assert described["theme"] == {"accent": "#2b8a3e"}


def test_inputs_are_interactive_and_outputs_not_by_default() -> None:
    app = rx.App()

    @app.fn(inputs=rx.Image(elem_id="i"), outputs=rx.Textbox(elem_id="o"), live=True)
    def f(x: Any) -> str:
        return ""

    props = {cid: c["props"] for cid, c in app.describe()["components"].items()}
    assert props["i"]["interactive"] is True
    assert props["o"]["interactive"] is False

"""Dataset and Examples: samples, what a click gives, and the function Examples brings."""

from __future__ import annotations

import pytest

import reactive as rx
from reactive.errors import DefinitionError, InvalidValue


def test_dataset_gives_the_values_the_index_or_both() -> None:
    parts = [rx.Textbox(label="word"), rx.Number(label="n")]
    samples = [["one", 1], ["two", 2]]
    assert rx.Dataset(components=parts, samples=samples).preprocess(1) == ["two", 2]
    assert rx.Dataset(components=parts, samples=samples, type="index").preprocess(1) == 1
    assert rx.Dataset(components=parts, samples=samples, type="tuple").preprocess(0) == (
        0,
        ["one", 1],
    )
    props = rx.Dataset(components=parts, samples=samples).props()
    assert props["headers"] == ["word", "n"]
    assert props["samples"] == [["one", "1"], ["two", "2"]]
    with pytest.raises(InvalidValue, match="no sample 5"):
        rx.Dataset(components=parts, samples=samples).preprocess(5)


def test_examples_fill_their_inputs_with_checked_wire_values() -> None:
    app = rx.App()
    with app.column():
        word = rx.Textbox(elem_id="word")
        count = rx.Slider(0, 10, elem_id="count")
        table = rx.Examples([["hi", 3], ["yo", 7]], inputs=[word, count])
    props = table.props()
    assert props["targets"] == ["word", "count"]
    assert props["fills"] == [["hi", 3], ["yo", 7]]
    assert props["label"] == "Examples"
    assert table.bindings == []  # no fn: a click only fills


def test_examples_with_run_on_click_bind_their_function_to_the_click() -> None:
    app = rx.App()
    with app.column():
        word = rx.Textbox(elem_id="word")
        shout = rx.Text(elem_id="shout")
        rx.Examples(["hi"], inputs=word, outputs=shout, fn=str.upper, run_on_click=True)
    (bound,) = app.functions
    assert [c.id for c in bound.inputs] == ["word"]
    assert [c.id for c in bound.outputs] == ["shout"]
    assert [(t.component, t.event) for t in bound.triggers] == [("dataset", "click")]


def test_bad_examples_are_refused_at_definition() -> None:
    word = rx.Textbox()
    with pytest.raises(DefinitionError, match="example 1 has 2 values"):
        rx.Examples([["a", "b"]], inputs=[word, rx.Textbox(), rx.Textbox()])
    with pytest.raises(DefinitionError, match="example 1 does not fit"):
        rx.Examples([99], inputs=rx.Slider(0, 10))
    with pytest.raises(DefinitionError, match="needs fn= and outputs="):
        rx.Examples(["a"], inputs=word, run_on_click=True)

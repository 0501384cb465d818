"""Radio, CheckboxGroup and Dropdown: choices of any scalar type, by value or by index."""

from __future__ import annotations

from typing import Any

import pytest

import reactive as rx
from reactive.errors import DefinitionError, InvalidValue


def test_radio_gives_the_choice_with_its_own_type() -> None:
    radio = rx.Radio([1, 2, 3], 2, label="n")
    assert radio.preprocess(3) == 3
    assert isinstance(radio.preprocess(3), int)
    assert radio.initial_python_value() == 2


def test_radio_refuses_an_unknown_choice_and_a_list() -> None:
    radio = rx.Radio(["add", "subtract"], label="op")
    with pytest.raises(InvalidValue, match="op: 'divide' is not one of the choices"):
        radio.preprocess("divide")
    with pytest.raises(InvalidValue, match="expected a choice, got list"):
        radio.preprocess(["add"])


def test_index_type_gives_positions() -> None:
    radio = rx.Radio(["a", "b"], "b", type="index")
    assert radio.preprocess("a") == 0
    assert radio.initial_python_value() == 1
    assert radio.postprocess(1) == "b"  # a function may return the index too


def test_label_value_pairs() -> None:
    radio = rx.Radio([("Small", "s"), ("Large", "l")])
    assert radio.props()["choices"] == [["Small", "s"], ["Large", "l"]]
    assert radio.preprocess("l") == "l"


def test_checkbox_group_gives_a_list() -> None:
    group = rx.CheckboxGroup(["x", "y", "z"], ["y"])
    assert group.initial_python_value() == ["y"]
    assert group.preprocess(["x", "z"]) == ["x", "z"]
    with pytest.raises(InvalidValue, match="'w' is not one of the choices"):
        group.preprocess(["x", "w"])
    with pytest.raises(InvalidValue, match="expected a list of choices"):
        group.preprocess("x")


def test_dropdown_multiselect_with_max_choices() -> None:
    dropdown = rx.Dropdown(["a", "b", "c"], multiselect=True, max_choices=2)
    assert dropdown.initial_python_value() == []
    assert dropdown.preprocess(["a", "c"]) == ["a", "c"]
    with pytest.raises(InvalidValue, match="at most 2 choices"):
        dropdown.preprocess(["a", "b", "c"])


def test_dropdown_with_custom_values() -> None:
    dropdown = rx.Dropdown(["a"], allow_custom_value=True)
    assert dropdown.preprocess("typed") == "typed"
    assert rx.Dropdown(["a"]).preprocess(None) is None


@pytest.mark.parametrize(
    ("factory", "message"),
    [
        (lambda: rx.Radio(["a"], "b"), "Radio value 'b' is not one of its choices"),
        (lambda: rx.CheckboxGroup(["a"], ["z"]), "CheckboxGroup value 'z'"),
        (lambda: rx.Dropdown([["a", "b", "c"]]), r"must be \(label, value\)"),
        (lambda: rx.Radio([None]), "must be a string or number"),  # type: ignore[list-item]
        (lambda: rx.Radio(["a"], type="name"), "must be 'value' or 'index'"),  # type: ignore[arg-type]
    ],
)
def test_definition_mistakes(factory: Any, message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        factory()


def test_choices_can_be_updated_per_copy() -> None:
    dropdown = rx.Dropdown(["a"])
    changed = dropdown.with_props({"choices": ["x", "y"]})
    assert changed.preprocess("y") == "y"
    assert changed.wire_props({"choices"}) == {"choices": [["x", "x"], ["y", "y"]]}
    with pytest.raises(InvalidValue):
        dropdown.preprocess("y")  # the original keeps its own choices

"""Label, ColorPicker, HTML, Textbox options, State and Gradio-style arguments."""

from __future__ import annotations

import copy

import numpy as np
import pytest

import reactive as rx
from reactive.errors import CompatibilityWarning, DefinitionError, InvalidValue, OutputError


def test_label_ranks_confidences_and_keeps_the_top_classes() -> None:
    label = rx.Label(num_top_classes=2)
    wire = label.postprocess({"cat": 0.2, "dog": np.float32(0.7), "cow": 0.1})
    assert wire == {
        "label": "dog",
        "confidences": [
            {"label": "dog", "confidence": pytest.approx(0.7)},
            {"label": "cat", "confidence": 0.2},
        ],
    }


def test_label_takes_a_plain_label_and_gradios_dict() -> None:
    assert rx.Label().postprocess("spam") == {"label": "spam"}
    given = {"label": "a", "confidences": [{"label": "a", "confidence": 0.9}]}
    assert rx.Label().postprocess(given) == given
    with pytest.raises(OutputError, match="confidences must be numbers"):
        rx.Label().postprocess({"a": "high"})
    with pytest.raises(OutputError, match="got list"):
        rx.Label().postprocess([1])


def test_color_picker_checks_and_normalises_colours() -> None:
    picker = rx.ColorPicker("#ABC")
    assert picker.initial_python_value() == "#aabbcc"
    assert picker.preprocess("#FF0000") == "#ff0000"
    assert picker.preprocess(None) is None  # cleared by a ClearButton
    with pytest.raises(InvalidValue, match="is not a colour"):
        picker.preprocess("red")
    assert picker.postprocess((255, 128, 0)) == "#ff8000"
    with pytest.raises(DefinitionError):
        rx.ColorPicker("blue")


def test_html_is_text_like_for_deltas() -> None:
    assert rx.HTML().stream_parts("<b>x</b>") == (None, "<b>x</b>")


def test_textbox_password_and_updatable_placeholder() -> None:
    box = rx.Textbox(type="password", placeholder="secret")
    assert box.props()["type"] == "password"
    changed = box.with_props({"placeholder": "new", "visible": False})
    assert changed.wire_props({"placeholder", "visible"}) == {
        "placeholder": "new",
        "visible": False,
    }
    assert box.placeholder == "secret"


def test_update_names_unknown_properties() -> None:
    with pytest.raises(OutputError, match="Textbox has no updatable property choices"):
        rx.Textbox().with_props({"choices": ["a"]})


def test_state_gives_each_session_a_deep_copy() -> None:
    state = rx.State({"items": [1]})
    first, second = state.initial_python_value(), state.initial_python_value()
    first["items"].append(2)
    assert second == {"items": [1]}
    assert state.value == {"items": [1]}
    assert rx.State(list).initial_python_value() == []
    assert copy.copy(state).on_page is False


def test_unsupported_gradio_arguments_warn_and_name_them() -> None:
    with pytest.warns(CompatibilityWarning, match="Textbox ignores unsupported argument"):
        box = rx.Textbox(submit_btn=True, stop_btn=False)
    assert box.label is None


def test_layout_props_from_gradio_are_kept() -> None:
    props = rx.Number(scale=2, min_width=80, show_label=False, container=False).props()
    assert (props["scale"], props["min_width"]) == (2, 80)
    assert props["show_label"] is False
    assert props["container"] is False


def test_numbers_update_their_limits_and_buttons_their_variant() -> None:
    slider = rx.Slider(0, 10, 5).with_props({"maximum": 1, "step": 0.5})
    assert slider.preprocess(0.5) == 0.5
    with pytest.raises(InvalidValue, match="above the maximum 1"):
        slider.preprocess(3)
    assert rx.Button("Go").with_props({"variant": "stop"}).wire_props({"variant"}) == {
        "variant": "stop"
    }
    with pytest.warns(CompatibilityWarning, match="variant='huggingface'"):
        assert rx.Button("Go", variant="huggingface").variant == "secondary"  # type: ignore[arg-type]

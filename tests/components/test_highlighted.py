"""HighlightedText: (text, label) pairs and entity dicts become labelled spans on the wire."""

from __future__ import annotations

import numpy as np
import pytest

import reactive as rx
from reactive.errors import DefinitionError, OutputError


def test_pairs_pass_through_with_labels_scores_and_plain_text() -> None:
    shown = rx.HighlightedText().postprocess(
        [("The ", None), ("cat", "noun"), (" sat", np.float32(0.5))]
    )
    assert shown == [["The ", None], ["cat", "noun"], [" sat", 0.5]]


def test_entities_dict_becomes_spans_with_the_gaps_as_plain_text() -> None:
    value = {
        "text": "Alice met Bob in Paris",
        "entities": [
            {"entity": "PER", "start": 10, "end": 13},
            {"entity_group": "LOC", "start": 17, "end": 22},
            {"entity": "PER", "start": 0, "end": 5},
        ],
    }
    assert rx.HighlightedText().postprocess(value) == [
        ["Alice", "PER"],
        [" met ", None],
        ["Bob", "PER"],
        [" in ", None],
        ["Paris", "LOC"],
    ]


def test_combine_adjacent_merges_neighbours_with_one_label() -> None:
    text = rx.HighlightedText(combine_adjacent=True, adjacent_separator=" ")
    spans = [("New", "LOC"), ("York", "LOC"), ("is", None), ("big", None), ("Bob", "PER")]
    assert text.postprocess(spans) == [["New York", "LOC"], ["is big", None], ["Bob", "PER"]]


def test_color_map_and_legend_reach_the_page() -> None:
    props = rx.HighlightedText(color_map={"noun": "#ff0000"}, show_legend=True).props()
    assert props["color_map"] == {"noun": "#ff0000"}
    assert props["show_legend"] is True


@pytest.mark.parametrize(
    "bad",
    [
        "just text",
        [("a", "b", "c")],
        [("a", {"x": 1})],
        {"text": "ab", "entities": [{"entity": "X", "start": 1, "end": 5}]},
    ],
)
def test_bad_values_are_refused_with_what_it_takes(bad: object) -> None:
    with pytest.raises(OutputError, match="HighlightedText"):
        rx.HighlightedText().postprocess(bad)


def test_a_color_map_that_is_not_a_mapping_is_refused_at_definition() -> None:
    with pytest.raises(DefinitionError, match="color_map"):
        rx.HighlightedText(color_map=["red"])  # type: ignore[arg-type]

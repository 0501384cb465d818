"""HighlightedText: text whose spans carry labels (named entities, diffs) or scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from reactive.components.base import Component
from reactive.components.data import to_plain
from reactive.errors import DefinitionError, OutputError

#: One span on the wire: its text and its label (a class name, a score in [-1, 1], or None).
Span = list[Any]


class HighlightedText(Component):
    """Shows text with labelled spans, each label in its own colour, with a legend.

    Results, as Gradio takes them: a list of ``(text, label)`` pairs (label a string, a number
    between -1 and 1 shown as an intensity, or None for plain text), or a dict
    ``{"text": ..., "entities": [{"entity" | "entity_group": label, "start": i, "end": j}]}``.
    """

    type = "highlightedtext"
    accepts_input: ClassVar[bool] = False
    updatable: ClassVar[frozenset[str]] = frozenset({"color_map", "show_legend"})

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        color_map: Mapping[str, str] | None = None,
        show_legend: bool = False,
        show_inline_category: bool = True,
        combine_adjacent: bool = False,
        adjacent_separator: str = "",
        **kwargs: Any,
    ) -> None:
        if color_map is not None and not isinstance(color_map, Mapping):
            raise DefinitionError(
                f"HighlightedText color_map must map labels to CSS colours, "
                f"got {type(color_map).__name__}."
            )
        super().__init__(value, label=label, **kwargs)
        self.color_map = dict(color_map or {})
        self.show_legend = show_legend
        self.show_inline_category = show_inline_category
        self.combine_adjacent = combine_adjacent
        self.adjacent_separator = adjacent_separator

    def extra_props(self) -> dict[str, Any]:
        return {
            "color_map": self.color_map,
            "show_legend": self.show_legend,
            "show_inline_category": self.show_inline_category,
        }

    def postprocess(self, value: Any) -> list[Span] | None:
        if value is None:
            return None
        if isinstance(value, Mapping):
            spans = self._from_entities(value)
        elif isinstance(value, Sequence) and not isinstance(value, str | bytes):
            spans = [self._pair(item) for item in value]
        else:
            raise OutputError(
                f"{self!r} shows a list of (text, label) pairs or a dict with 'text' and "
                f"'entities'; got {type(value).__name__}."
            )
        return combine(spans, self.adjacent_separator) if self.combine_adjacent else spans

    def _pair(self, item: Any) -> Span:
        if not isinstance(item, Sequence) or isinstance(item, str | bytes) or len(item) != 2:
            raise OutputError(f"{self!r}: each span is a (text, label) pair; got {item!r}.")
        text, category = item
        return [str(text), _category(self, category)]

    def _from_entities(self, value: Mapping[str, Any]) -> list[Span]:
        text = value.get("text")
        if not isinstance(text, str):
            raise OutputError(f"{self!r}: a dict value needs 'text' (a string) and 'entities'.")
        spans: list[Span] = []
        at = 0
        for entity in sorted(value.get("entities") or [], key=lambda e: e["start"]):
            start, end = int(entity["start"]), int(entity["end"])
            if not 0 <= at <= start <= end <= len(text):
                raise OutputError(f"{self!r}: entity {entity!r} overlaps or is outside the text.")
            name = entity.get("entity", entity.get("entity_group"))
            if start > at:
                spans.append([text[at:start], None])
            spans.append([text[start:end], _category(self, name)])
            at = end
        if at < len(text):
            spans.append([text[at:], None])
        return spans

    def example_cell(self, value: Any) -> Any:
        spans = self.postprocess(value) or []
        return super().example_cell("".join(text for text, _ in spans))


def _category(component: Component, category: Any) -> str | float | None:
    category = to_plain(category)
    if category is None or isinstance(category, str):
        return category
    if isinstance(category, int | float) and not isinstance(category, bool):
        return float(category)
    raise OutputError(f"{component!r}: a label is a string, a number or None; got {category!r}.")


def combine(spans: list[Span], separator: str) -> list[Span]:
    """Merge neighbouring spans that carry the same label (Gradio's ``combine_adjacent``)."""
    merged: list[Span] = []
    for text, category in spans:
        if merged and merged[-1][1] == category:
            merged[-1][0] += separator + text
        else:
            merged.append([text, category])
    return merged

"""Display components: Label (top classes with confidences) and ColorPicker."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from reactive.components.base import Component, require_type
from reactive.components.data import to_plain
from reactive.errors import DefinitionError, OutputError

_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class Label(Component):
    """A classification: a label, or ``{class: confidence}`` shown as the top classes with bars.

    Results: a string or number (just a label), a dict of confidences (the best is the label),
    or Gradio's ``{"label": ..., "confidences": [{"label", "confidence"}]}``.
    """

    type = "label"
    accepts_input: ClassVar[bool] = False
    updatable: ClassVar[frozenset[str]] = frozenset({"num_top_classes"})

    def __init__(
        self,
        value: Any = None,
        *,
        num_top_classes: int | None = None,
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, label=label, **kwargs)
        self.num_top_classes = num_top_classes

    def extra_props(self) -> dict[str, Any]:
        return {"num_top_classes": self.num_top_classes}

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return {"label": str(value)}
        if not isinstance(value, Mapping):
            raise OutputError(
                f"{self!r} shows a label or a dict of confidences; got {type(value).__name__}."
            )
        if "confidences" in value:
            pairs = [(str(c["label"]), c["confidence"]) for c in value["confidences"]]
        else:
            pairs = [(str(k), v) for k, v in value.items()]
        return self._ranked(pairs, value.get("label") if "confidences" in value else None)

    def _ranked(self, pairs: list[tuple[str, Any]], label: Any) -> dict[str, Any]:
        try:
            ranked = sorted(((n, float(to_plain(c))) for n, c in pairs), key=lambda p: -p[1])
        except (TypeError, ValueError):
            raise OutputError(f"{self!r}: confidences must be numbers.") from None
        if self.num_top_classes is not None:
            ranked = ranked[: self.num_top_classes]
        top = str(label) if label is not None else (ranked[0][0] if ranked else None)
        confidences = [{"label": n, "confidence": c} for n, c in ranked]
        return {"label": top, "confidences": confidences}


class ColorPicker(Component):
    """A colour. The function receives (and may return) ``"#rrggbb"``."""

    type = "colorpicker"

    def __init__(self, value: str = "#000000", *, label: str | None = None, **kwargs: Any) -> None:
        if not _HEX.match(value):
            raise DefinitionError(f"ColorPicker value must be '#rrggbb', got {value!r}.")
        super().__init__(_long(value), label=label, **kwargs)

    def preprocess(self, value: Any) -> str | None:
        if value is None:  # cleared (a ClearButton): Gradio passes None
            return None
        require_type(self, value, (str,), "a colour '#rrggbb'")
        if not _HEX.match(value):
            raise self.invalid(f"{value[:20]!r} is not a colour '#rrggbb'.")
        return _long(value)

    def postprocess(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, tuple | list) and len(value) in (3, 4):
            return "#" + "".join(f"{max(0, min(255, int(c))):02x}" for c in value[:3])
        if isinstance(value, str) and _HEX.match(value):
            return _long(value)
        raise OutputError(f"{self!r} shows '#rrggbb' or an (r, g, b) tuple; got {value!r:.40}.")


def _long(value: str) -> str:
    """#abc → #aabbcc, lower case."""
    digits = value[1:].lower()
    return "#" + ("".join(c * 2 for c in digits) if len(digits) == 3 else digits)

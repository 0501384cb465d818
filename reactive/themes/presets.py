"""Ready-made themes under Gradio's names: ``gr.themes.Soft()``, ``gr.themes.Monochrome()``, ..."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from reactive.components.base import warn_unsupported
from reactive.themes import colors, sizes
from reactive.themes.base import Base, Theme, font_variables, hue_variables, size_variables


class Default(Theme):
    """reactive's own look; only what is passed (``primary_hue="blue"``, ...) changes it."""

    def __init__(self, **arguments: Any) -> None:
        super().__init__()
        unknown = {k: v for k, v in arguments.items() if k not in _ARGUMENTS}
        if unknown:
            warn_unsupported("themes.Default()", unknown)
        hues = [_given(arguments, k, colors.hue) for k in ("primary_hue", "secondary_hue")]
        neutral = _given(arguments, "neutral_hue", colors.hue)
        text, spacing, radius = (
            _given(arguments, k, sizes.size) for k in ("text_size", "spacing_size", "radius_size")
        )
        for name, value in (("primary_hue", hues[0]), ("secondary_hue", hues[1]),
                            ("neutral_hue", neutral)):  # fmt: skip
            if value is not None:
                setattr(self, name, value)
        for name, size in (("text_size", text), ("spacing_size", spacing), ("radius_size", radius)):
            if size is not None:
                setattr(self, name, size)
        self.update(hue_variables(hues[0], hues[1], neutral))
        self.update(size_variables(text, spacing, radius))
        self.update(font_variables(arguments.get("font"), arguments.get("font_mono")))


_ARGUMENTS = {"primary_hue", "secondary_hue", "neutral_hue", "text_size", "spacing_size",
              "radius_size", "font", "font_mono"}  # fmt: skip
T = TypeVar("T")


def _given(arguments: dict[str, Any], name: str, convert: Callable[[Any, str], T]) -> T | None:
    return convert(arguments[name], name) if name in arguments else None


def _preset(name: str, doc: str, **defaults: Any) -> type[Base]:
    def __init__(self: Base, **arguments: Any) -> None:
        Base.__init__(self, **{**defaults, **arguments})

    return type(name, (Base,), {"__init__": __init__, "__doc__": doc, "__module__": __name__})


Origin = _preset("Origin", "Orange and gray, small corners.", primary_hue=colors.orange,
                 neutral_hue=colors.gray, radius_size=sizes.radius_sm)  # fmt: skip
Soft = _preset("Soft", "Indigo, rounder corners.", primary_hue=colors.indigo,
               neutral_hue=colors.gray, radius_size=sizes.radius_xxl)  # fmt: skip
Monochrome = _preset("Monochrome", "Black and white.", primary_hue=colors.neutral,
                     secondary_hue=colors.neutral, neutral_hue=colors.neutral,
                     radius_size=sizes.radius_sm)  # fmt: skip
Glass = _preset("Glass", "Cool stone and cyan.", primary_hue=colors.cyan,
                neutral_hue=colors.stone, radius_size=sizes.radius_sm)  # fmt: skip
Ocean = _preset("Ocean", "Deep blue and cyan.", primary_hue=colors.blue,
                secondary_hue=colors.cyan, neutral_hue=colors.slate)  # fmt: skip
Citrus = _preset("Citrus", "Lime and amber.", primary_hue=colors.lime,
                 secondary_hue=colors.amber, neutral_hue=colors.stone)  # fmt: skip

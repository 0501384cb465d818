"""``Theme`` and ``Base``: a theme is the page's CSS variables (``--rx-accent``, ...) by name.

``Base(primary_hue=..., radius_size=..., font=...)`` takes Gradio's theme arguments and turns
them into those variables; ``theme.set(...)`` takes Gradio's variable names for the ones the page
has (``body_background_fill``, ``button_primary_background_fill``, ``slider_color``, ...),
including references like ``"*primary_200"``. A subclass (``class Seafoam(Base): ...``) works
as in Gradio.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from reactive.components.base import warn_unsupported
from reactive.themes import colors, sizes
from reactive.themes.colors import Color
from reactive.themes.fonts import Font, font_stack
from reactive.themes.sizes import Size

#: Gradio's theme variables the page draws, and the ``--rx-*`` variable each one sets.
GRADIO_VARIABLES = {
    "body_background_fill": "bg",
    "background_fill_primary": "surface",
    "block_background_fill": "surface",
    "background_fill_secondary": "surface-2",
    "body_text_color": "fg",
    "body_text_color_subdued": "muted",
    "block_label_text_color": "muted",
    "border_color_primary": "border",
    "block_border_color": "border",
    "color_accent": "accent",
    "color_accent_soft": "accent-soft",
    "button_primary_background_fill": "button-primary",
    "button_primary_text_color": "button-primary-fg",
    "slider_color": "slider",
    "loader_color": "loader",
    "block_radius": "radius",
    "layout_gap": "gap",
    "block_shadow": "shadow",
    "body_text_size": "text-size",
    "font": "font",
    "font_mono": "mono",
}

_HUE_REF = re.compile(r"\*(primary|secondary|neutral)_(\d+)")
_SIZE_REF = re.compile(r"\*(radius|spacing|text)_(xxs|xs|sm|md|lg|xl|xxl)")
_ANY_REF = re.compile(r"\*[a-z_0-9]+")


class Theme(dict[str, str]):
    """CSS variables by name (``{"accent": "#2b8a3e"}`` sets ``--rx-accent``)."""

    primary_hue: Color = colors.orange
    secondary_hue: Color = colors.blue
    neutral_hue: Color = colors.gray
    spacing_size: Size = sizes.spacing_md
    radius_size: Size = sizes.radius_md
    text_size: Size = sizes.text_md

    def set(self, **variables: Any) -> Theme:
        """Gradio's ``theme.set(button_primary_background_fill="*primary_500", ...)``: the
        variables the page draws are set (``name_dark`` gives the dark-mode value); the others
        are named in a ``CompatibilityWarning``. Returns the theme."""
        ignored: dict[str, Any] = {}
        for name, value in variables.items():
            light_name = name.removesuffix("_dark")
            target = GRADIO_VARIABLES.get(light_name)
            resolved = self._resolve(str(value)) if target is not None else None
            if target is None or resolved is None:
                ignored[name] = value
            elif name.endswith("_dark"):
                if light_name not in variables:
                    ignored[name] = value  # the light value is the page's own: not known here
            else:
                dark = variables.get(f"{name}_dark")
                dark_value = self._resolve(str(dark)) if dark is not None else None
                self[target] = resolved if dark_value is None else _light_dark(resolved, dark_value)
        if ignored:
            warn_unsupported("theme.set()", ignored)
        return self

    def _resolve(self, value: str) -> str | None:
        """``"*primary_200"`` → that shade, ``"*radius_lg"`` → that size; None if a reference
        names something the page does not have (``*shadow_drop_lg``)."""
        hues = {"primary": self.primary_hue, "secondary": self.secondary_hue,
                "neutral": self.neutral_hue}  # fmt: skip
        scales = {"radius": self.radius_size, "spacing": self.spacing_size, "text": self.text_size}
        value = _HUE_REF.sub(lambda m: _shade(hues[m[1]], int(m[2])) or m[0], value)
        value = _SIZE_REF.sub(lambda m: str(getattr(scales[m[1]], m[2])), value)
        return None if _ANY_REF.search(value) else value


class Base(Theme):
    """Gradio's ``gr.themes.Base``: hues, sizes and fonts as the page's variables.

    Args:
        primary_hue: buttons, sliders, links and the running bar (a ``colors.Color`` or a name
            like ``"emerald"``).
        secondary_hue: the focus ring.
        neutral_hue: borders.
        spacing_size, radius_size, text_size: the gap between blocks, their corners, the text.
        font, font_mono: a font (``GoogleFont("Quicksand")``), a name, or a list of them.
    """

    def __init__(
        self,
        *,
        primary_hue: Color | str = colors.blue,
        secondary_hue: Color | str = colors.blue,
        neutral_hue: Color | str = colors.gray,
        text_size: Size | str = sizes.text_md,
        spacing_size: Size | str = sizes.spacing_md,
        radius_size: Size | str = sizes.radius_md,
        font: Font | str | Iterable[Font | str] | None = None,
        font_mono: Font | str | Iterable[Font | str] | None = None,
        **unsupported: Any,
    ) -> None:
        super().__init__()
        if unsupported:
            warn_unsupported(f"themes.{type(self).__name__}()", unsupported)
        self.primary_hue = colors.hue(primary_hue, "primary_hue")
        self.secondary_hue = colors.hue(secondary_hue, "secondary_hue")
        self.neutral_hue = colors.hue(neutral_hue, "neutral_hue")
        self.text_size = sizes.size(text_size, "text_size")
        self.spacing_size = sizes.size(spacing_size, "spacing_size")
        self.radius_size = sizes.size(radius_size, "radius_size")
        self.update(hue_variables(self.primary_hue, self.secondary_hue, self.neutral_hue))
        self.update(size_variables(self.text_size, self.spacing_size, self.radius_size))
        self.update(font_variables(font, font_mono))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self)!r})"


def hue_variables(
    primary: Color | None, secondary: Color | None, neutral: Color | None
) -> dict[str, str]:
    found: dict[str, str] = {}
    if primary is not None:
        found["accent"] = _light_dark(primary.shade(600), primary.shade(400))
        found["accent-soft"] = _light_dark(primary.shade(50), primary.shade(900))
        found["user"] = _light_dark(primary.shade(600), primary.shade(700))
    if secondary is not None:
        found["focus"] = _light_dark(secondary.shade(500), secondary.shade(400))
    if neutral is not None:
        found["border"] = _light_dark(neutral.shade(200), neutral.shade(700))
    return found


def size_variables(text: Size | None, spacing: Size | None, radius: Size | None) -> dict[str, str]:
    found: dict[str, str] = {}
    if text is not None:
        found["text-size"] = text.md
    if spacing is not None:
        found["gap"] = spacing.xxl
    if radius is not None:
        found["radius"] = radius.lg
    return found


def font_variables(font: Any, font_mono: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    if font is not None:
        found["font"] = font_stack(font)
    if font_mono is not None:
        found["mono"] = font_stack(font_mono)
    return found


def _shade(color: Color, number: int) -> str | None:
    return color.shades.get(number)


def _light_dark(light: str, dark: str) -> str:
    return f"light-dark({light}, {dark})"

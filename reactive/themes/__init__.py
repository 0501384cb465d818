"""Themes (named like Gradio's): the page's CSS variables for ``rx.App(theme=...)``.

Example::

    app = rx.App(theme=rx.themes.Soft())
    app = rx.App(theme=rx.themes.Base(primary_hue="emerald", radius_size="lg"))
    app = rx.App(theme={**rx.themes.Monochrome(), "radius": "2px"})

``from gradio.themes.base import Base`` and ``from gradio.themes.utils import colors, fonts,
sizes`` work with ``reactive`` in their place.
"""

from __future__ import annotations

from typing import Any, NoReturn

from reactive.components.base import warn_unsupported
from reactive.errors import DefinitionError
from reactive.themes import colors, fonts, sizes
from reactive.themes.base import Base, Theme
from reactive.themes.colors import Color
from reactive.themes.fonts import Font, GoogleFont, LocalFont
from reactive.themes.presets import Citrus, Default, Glass, Monochrome, Ocean, Origin, Soft
from reactive.themes.sizes import Size

ThemeClass = Theme  # Gradio's other name for the base of every theme

#: Why Gradio's theme editor is not here (``gr.themes.builder()``, ``themes.builder_app``).
BUILDER_REFUSED = (
    "gr.themes.builder() (Gradio's interactive theme editor) is not part of reactive: write "
    "the theme in code, gr.themes.Base(primary_hue=...).set(...), or a dict of CSS variables."
)


_NAMED: dict[str, type[Theme]] = {
    cls.__name__.lower(): cls
    for cls in (Base, Citrus, Default, Glass, Monochrome, Ocean, Origin, Soft)
}


def resolve(theme: Any, owner: str | None) -> dict[str, str] | None:
    """A Gradio ``theme=``: CSS variables as a dict (a theme is one), a theme class, or a
    name (``"soft"``, ``"gradio/monochrome"``); anything else is None, named in a warning
    from ``owner`` if given."""
    if theme is None or isinstance(theme, dict):
        return theme
    if isinstance(theme, type) and issubclass(theme, Theme):
        return theme()
    if isinstance(theme, str) and theme.lower().removeprefix("gradio/") in _NAMED:
        return _NAMED[theme.lower().removeprefix("gradio/")]()
    if owner is not None:
        warn_unsupported(owner, {"theme": theme})
    return None


def builder(*args: object, **kwargs: object) -> NoReturn:
    """Gradio's theme editor app: refused, naming what to do instead."""
    raise DefinitionError(BUILDER_REFUSED)


__all__ = [
    "Base", "Citrus", "Color", "Default", "Font", "Glass", "GoogleFont", "LocalFont",
    "Monochrome", "Ocean", "Origin", "Size", "Soft", "Theme", "ThemeClass", "builder", "colors",
    "fonts", "resolve", "sizes",
]  # fmt: skip

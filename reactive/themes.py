"""Ready-made themes (named like Gradio's): CSS variables for ``rx.App(theme=...)``.

Example::

    app = rx.App(theme=rx.themes.Soft())
    app = rx.App(theme={**rx.themes.Monochrome(), "radius": "2px"})
"""

from __future__ import annotations

from typing import Any

from reactive.components.base import warn_unsupported


class Theme(dict[str, str]):
    """CSS variables by name; ``.set(...)`` takes Gradio's theme variables (not drawn)."""

    def set(self, **variables: Any) -> Theme:
        """Gradio's ``theme.set(button_primary_background_fill=...)``: its variables are
        Gradio's own CSS, accepted with a ``CompatibilityWarning``; the theme is returned."""
        if variables:
            warn_unsupported("theme.set()", variables)
        return self


def _theme(name: str, variables: dict[str, str], arguments: dict[str, Any]) -> Theme:
    if arguments:
        warn_unsupported(f"themes.{name}()", arguments)
    return Theme(variables)


def Default(**arguments: Any) -> Theme:
    """The default look (an empty set of overrides)."""
    return _theme("Default", {}, arguments)


def Base(**arguments: Any) -> Theme:
    """Plain: neutral accent, small radius."""
    return _theme("Base", {"accent": "#1f6feb", "radius": "6px"}, arguments)


def Soft(**arguments: Any) -> Theme:
    """Rounder corners and a violet accent."""
    variables = {"accent": "#6d28d9", "accent-soft": "#ede9fe", "radius": "16px"}
    return _theme("Soft", variables, arguments)


def Monochrome(**arguments: Any) -> Theme:
    """Black and white."""
    variables = {"accent": "#111111", "accent-soft": "#e5e5e5", "radius": "2px"}
    return _theme("Monochrome", variables, arguments)


def Glass(**arguments: Any) -> Theme:
    """A cool blue accent."""
    return _theme("Glass", {"accent": "#0e7490", "accent-soft": "#e0f2fe"}, arguments)


def Ocean(**arguments: Any) -> Theme:
    """Deep blue."""
    return _theme("Ocean", {"accent": "#1d4ed8", "accent-soft": "#dbeafe"}, arguments)


def Citrus(**arguments: Any) -> Theme:
    """A green accent."""
    return _theme("Citrus", {"accent": "#3f7d20", "accent-soft": "#ecfccb"}, arguments)

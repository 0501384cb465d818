"""A pandas ``Styler`` as a table's value: its data, and the cell styles it computed.

Gradio shows a Styler's data with its colours. Only a few CSS properties that change how a cell
looks travel to the page (never ``url(...)``), so a style cannot load anything or move the page.
"""

from __future__ import annotations

from typing import Any

#: The CSS properties of a cell style that reach the page.
SAFE_PROPERTIES = frozenset({
    "color", "background-color", "font-weight", "font-style", "text-align", "text-decoration",
    "opacity",
})  # fmt: skip


def is_styler(value: Any) -> bool:
    """A pandas Styler (duck typed: pandas is optional)."""
    return type(value).__name__ == "Styler" and hasattr(value, "data") and hasattr(value, "ctx")


def styler_cells(styler: Any) -> dict[tuple[int, int], str]:
    """Each styled cell's CSS (``"background-color: lightgreen"``), by (row, column).

    The Styler computes its styles on export; one it cannot compute gives none (the data shows).
    """
    try:
        styler._compute()  # pandas' own step before any export (to_html and friends run it)
    except Exception:
        return {}
    cells: dict[tuple[int, int], str] = {}
    for (row, column), pairs in dict(styler.ctx).items():
        css = "; ".join(
            f"{name.strip()}: {value.strip()}"
            for name, value in pairs
            if name.strip().lower() in SAFE_PROPERTIES and _safe(str(value))
        )
        if css:
            cells[(int(row), int(column))] = css
    return cells


def _safe(value: str) -> bool:
    return "url(" not in value.lower() and not any(c in value for c in ";{}<>\\")

"""Plot: matplotlib figures as images; plotly and altair charts as specs the page draws.

Every plotting library is optional and recognised by duck typing, never imported here.
"""

from __future__ import annotations

import io
import json
from typing import Any, ClassVar

from reactive.components.base import Component
from reactive.components.data import to_plain
from reactive.errors import OutputError
from reactive.media import image as media


class Plot(Component):
    """Shows a chart: a matplotlib ``Figure`` (sent as a PNG), a plotly figure or an altair chart
    (sent as their JSON spec; the page loads plotly.js or vega-embed to draw it)."""

    type = "plot"
    accepts_input: ClassVar[bool] = False
    heavy_postprocess = True

    def __init__(self, value: Any = None, *, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(value, label=label, **kwargs)

    def check_output(self, value: Any) -> None:
        if value is not None and _kind(value) is None:
            raise OutputError(
                f"{self!r} shows a matplotlib figure, a plotly figure or an altair chart; "
                f"got {type(value).__name__}."
            )

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        kind = _kind(value)
        if kind == "matplotlib":
            adapts = _plain_white(value)
            return {"kind": "image", **_figure_png(value, adapts), "adapt": adapts}
        if kind == "plotly":
            return {"kind": "plotly", "spec": to_plain(json.loads(value.to_json()))}
        if kind == "vega":
            return {"kind": "vega", "spec": to_plain(value.to_dict())}
        self.check_output(value)
        return None


def _kind(value: Any) -> str | None:
    module = type(value).__module__.split(".")[0]
    if hasattr(value, "savefig"):
        return "matplotlib"
    if module == "plotly" or hasattr(value, "to_plotly_json"):
        return "plotly"
    if module == "altair" or (hasattr(value, "to_dict") and hasattr(value, "mark_point")):
        return "vega"
    return None


def _plain_white(figure: Any) -> bool:
    """A figure in matplotlib's default white: the page may redraw it for dark mode."""
    facecolor = getattr(figure, "get_facecolor", None)
    return callable(facecolor) and tuple(facecolor()) == (1.0, 1.0, 1.0, 1.0)


def _figure_png(figure: Any, transparent: bool = False) -> dict[str, Any]:
    """The figure as a PNG; a plain white one without its background, so dark mode can show
    it on its own surface (the page inverts its lightness, keeping the hues)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight", dpi=100, transparent=transparent)
    wire = media.to_browser(buffer.getvalue(), "png", 90)
    assert wire is not None
    return wire

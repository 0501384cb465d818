"""Gradio's ready-made image editors: Sketchpad, Paint and ImageMask."""

from __future__ import annotations

from typing import Any

from reactive.components.editor_options import Brush
from reactive.components.image_editor import ImageEditor


class Sketchpad(ImageEditor):
    """A blank canvas to draw on in black (Gradio's Sketchpad): no background source."""

    def __init__(
        self, value: Any = None, *, sources: Any = (), brush: Any = None, **kwargs: Any
    ) -> None:
        if brush is None:
            brush = Brush(colors=["#000000"], color_mode="fixed")
        super().__init__(value, sources=sources, brush=brush, **kwargs)


class Paint(ImageEditor):
    """A blank canvas to paint on in any color (Gradio's Paint): no background source."""

    def __init__(self, value: Any = None, *, sources: Any = (), **kwargs: Any) -> None:
        super().__init__(value, sources=sources, **kwargs)


class ImageMask(ImageEditor):
    """A picture to paint a black mask on, one layer (Gradio's ImageMask)."""

    def __init__(
        self, value: Any = None, *, brush: Any = None, layers: Any = False, **kwargs: Any
    ) -> None:
        if brush is None:
            brush = Brush(colors=["#000000"], color_mode="fixed")
        super().__init__(value, brush=brush, layers=layers, **kwargs)

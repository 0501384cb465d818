"""``gradio.themes.utils``: where Gradio theme code imports ``colors``, ``fonts``, ``sizes``."""

from reactive.themes import colors, fonts, sizes

__all__ = ["colors", "fonts", "sizes"]

"""``gradio.themes.utils.fonts``: the same module as ``reactive.themes.fonts``."""

from reactive.themes.fonts import *  # noqa: F403

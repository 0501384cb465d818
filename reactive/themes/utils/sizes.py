"""``gradio.themes.utils.sizes``: the same module as ``reactive.themes.sizes``."""

from reactive.themes.sizes import *  # noqa: F403

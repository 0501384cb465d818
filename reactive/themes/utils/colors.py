"""``gradio.themes.utils.colors``: the same module as ``reactive.themes.colors``."""

from reactive.themes.colors import *  # noqa: F403

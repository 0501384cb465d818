"""reactive.themes as Gradio's gr.themes: theme classes, hues, sizes, fonts and theme.set(...)
become the page's CSS variables; Gradio's import paths work; the theme editor is refused."""

from __future__ import annotations

import importlib
import sys

import pytest

import reactive as gr
from reactive.errors import CompatibilityWarning, DefinitionError
from reactive.testing import AppTester


def test_gradio_import_paths_work() -> None:
    from reactive.themes.base import Base
    from reactive.themes.utils import colors, fonts, sizes

    assert Base is gr.themes.Base
    assert colors.emerald.c500 == "#10b981"
    assert sizes.radius_lg.lg == "12px"
    assert fonts.GoogleFont("Quicksand").name == "Quicksand"
    assert gr.themes.colors is colors


def test_a_subclass_with_hues_sizes_fonts_and_set_gives_css_variables() -> None:
    class Seafoam(gr.themes.Base):
        def __init__(self) -> None:
            super().__init__(
                primary_hue=gr.themes.colors.emerald,
                secondary_hue="blue",
                radius_size=gr.themes.sizes.radius_lg,
                text_size=gr.themes.sizes.text_lg,
                font=(gr.themes.GoogleFont("Quicksand"), "ui-sans-serif", "sans-serif"),
            )
            super().set(
                body_background_fill="*primary_50",
                body_background_fill_dark="*primary_900",
                button_primary_background_fill="linear-gradient(90deg, *primary_300, *secondary_400)",  # noqa: E501
                slider_color="*secondary_300",
                block_radius="*radius_xl",
            )

    theme = Seafoam()
    assert theme["accent"] == "light-dark(#059669, #34d399)"
    assert theme["font"] == '"Quicksand", ui-sans-serif, sans-serif'
    assert theme["text-size"] == "16px"
    assert theme["bg"] == "light-dark(#ecfdf5, #064e3b)"
    assert theme["button-primary"] == "linear-gradient(90deg, #6ee7b7, #60a5fa)"
    assert theme["slider"] == "#93c5fd"
    assert theme["radius"] == "16px"  # block_radius set after radius_size
    with gr.Blocks(theme=theme) as demo:
        gr.Textbox()
    assert demo.describe()["theme"]["accent"] == theme["accent"]


def test_set_names_what_the_page_does_not_draw_and_returns_the_theme() -> None:
    theme = gr.themes.Default(primary_hue="blue")
    with pytest.warns(CompatibilityWarning, match=r"block_shadow, block_title_text_weight"):
        same = theme.set(block_title_text_weight="600", block_shadow="*shadow_drop_lg")
    assert same is theme
    assert "shadow" not in theme  # *shadow_drop_lg names nothing the page has
    assert gr.themes.Default() == {}  # reactive's own look


def test_named_themes_and_bad_hues() -> None:
    assert gr.Blocks(theme="soft").theme == dict(gr.themes.Soft())
    assert gr.Blocks(theme=gr.themes.Monochrome).theme == dict(gr.themes.Monochrome())
    with pytest.raises(DefinitionError, match="not a hue"):
        gr.themes.Base(primary_hue="chartreuse")
    with pytest.raises(DefinitionError, match="not a size"):
        gr.themes.Base(radius_size="huge")


def test_the_theme_editor_is_refused_clearly() -> None:
    with pytest.raises(DefinitionError, match="theme editor"):
        gr.themes.builder()
    sys.modules.pop("reactive.themes.builder_app", None)
    with pytest.raises(DefinitionError, match="theme editor"):
        importlib.import_module("reactive.themes.builder_app")


async def test_a_launch_theme_reaches_the_page() -> None:
    with gr.Blocks() as demo:
        gr.Textbox()
    demo.configure(theme=gr.themes.Soft(), css=".x { color: red }")
    async with AppTester(demo) as page:
        assert page.welcome["app"]["theme"]["accent"] == gr.themes.Soft()["accent"]
        assert page.welcome["app"]["css"] == ".x { color: red }"

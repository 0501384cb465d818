"""A Gradio theme and gr.I18n in Chromium: a theme's hue and button gradient are what the page
paints; a Spanish browser reads the app's Spanish texts and an English one its English texts."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def test_a_themes_hue_and_gradient_are_painted(page: Page, serve: Serve) -> None:
    theme = gr.themes.Base(primary_hue="emerald", radius_size="lg").set(
        button_primary_background_fill="linear-gradient(90deg, *primary_300, *secondary_400)",
        body_background_fill="*primary_50",
    )
    with gr.Blocks(theme=theme) as demo:
        gr.Button("Go", variant="primary", elem_id="go")
        gr.Slider(0, 10, elem_id="amount")
    page.emulate_media(color_scheme="light")
    open_app(page, serve(demo))
    button = page.locator("#go button")
    expect(button).to_have_css(
        "background-image", "linear-gradient(90deg, rgb(110, 231, 183), rgb(96, 165, 250))"
    )
    expect(button).to_have_css("border-top-left-radius", "12px")
    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background == "rgb(236, 253, 245)"  # emerald 50
    accent = page.locator("#amount input[type=range]").evaluate(
        "(e) => getComputedStyle(e).accentColor"
    )
    assert accent == "rgb(5, 150, 105)"  # emerald 600, the accent in light mode


def _i18n_app() -> gr.Blocks:
    i18n = gr.I18n(
        en={"greet": "Greet", "name": "Your name"}, es={"greet": "Saludar", "name": "Tu nombre"}
    )
    with gr.Blocks() as demo:
        name = gr.Textbox(label=i18n("name"))
        out = gr.Textbox(label="Out")
        gr.Button(i18n("greet")).click(lambda n: f"¡Hola {n}!", name, out)
    return demo


def test_a_spanish_browser_reads_spanish_and_an_english_one_english(
    browser: Browser, serve: Serve
) -> None:
    url = serve(_i18n_app())
    for locale, button, label in (
        ("es-ES", "Saludar", "Tu nombre"),
        ("en-US", "Greet", "Your name"),
    ):
        context = browser.new_context(locale=locale)
        page = context.new_page()
        open_app(page, url)
        page.get_by_label(label).fill("Ana")
        page.get_by_role("button", name=button).click()
        expect(page.get_by_label("Out")).to_have_value("¡Hola Ana!")
        context.close()

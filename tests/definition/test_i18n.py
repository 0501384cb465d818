"""gr.I18n: each page's welcome shows the app's texts in the page's language (its
Accept-Language), else English; a function asking for a text gets the page's language."""

from __future__ import annotations

import pytest

import reactive as gr
from reactive.definition.i18n import languages_of
from reactive.errors import DefinitionError
from reactive.testing import AppTester

i18n = gr.I18n(
    en={"greet": "Greet", "name": "Your name", "bold": "Bold", "john": "John English"},
    es={"greet": "Saludar", "name": "Tu nombre", "bold": "Negrita", "john": "John Spanish"},
    pt_BR={"greet": "Cumprimentar"},
)


def app() -> gr.Blocks:
    with gr.Blocks() as demo:
        gr.Textbox(label=i18n("name"), value=i18n("john"), elem_id="name")
        gr.Radio([(i18n("bold"), "bold")], value="bold", elem_id="style")
        out = gr.Textbox(elem_id="out")
        gr.Button(i18n("greet"), elem_id="greet").click(lambda: i18n("john"), None, out)
        gr.Textbox(label="Plain", elem_id="plain")
    assert demo.i18n is i18n  # found in the components' texts
    return demo


async def test_a_spanish_page_shows_spanish_and_functions_answer_in_it() -> None:
    async with AppTester(app(), headers={"accept-language": "es-ES,es;q=0.9,en;q=0.5"}) as page:
        components = page.welcome["app"]["components"]
        assert components["name"]["props"]["label"] == "Tu nombre"
        assert components["name"]["props"]["value"] == "John Spanish"
        assert components["greet"]["props"]["value"] == "Saludar"
        assert components["style"]["props"]["choices"][0][0] == "Negrita"
        assert components["plain"]["props"]["label"] == "Plain"
        await page.click("greet")
        assert await page.wait_value("out", "John Spanish")


async def test_an_unknown_language_falls_back_to_english_and_regions_to_their_language() -> None:
    async with AppTester(app(), headers={"accept-language": "ja"}) as page:
        assert page.welcome["app"]["components"]["greet"]["props"]["value"] == "Greet"
    async with AppTester(app(), headers={"accept-language": "pt-BR"}) as page:
        assert page.welcome["app"]["components"]["greet"]["props"]["value"] == "Cumprimentar"
        assert page.welcome["app"]["components"]["name"]["props"]["label"] == "Your name"


def test_accept_language_is_ranked_and_bad_translations_refused() -> None:
    assert languages_of("fr;q=0.5, de, *;q=0.1, en;q=0") == ("de", "fr")
    assert i18n.text("missing", ["es"]) == "missing"
    with pytest.raises(DefinitionError, match="dict of key"):
        gr.I18n(en=["not", "a", "dict"])  # type: ignore[arg-type]

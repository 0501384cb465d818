"""DateTime, Code, TextArea, DuplicateButton, Json and Sidebar: Gradio's small components."""

from __future__ import annotations

import pytest

import reactive as gr
from reactive.errors import DefinitionError, InvalidValue
from reactive.testing import AppTester


def test_datetime_takes_a_time_relative_to_now() -> None:
    import time

    day_ago = gr.DateTime(timezone="UTC").preprocess("now - 24h")
    assert abs(day_ago - (time.time() - 86400)) < 5
    assert gr.DateTime(timezone="UTC").preprocess("now + 30m") > time.time() + 1700


def test_datetime_gives_string_or_timestamp() -> None:
    assert gr.DateTime(type="string").preprocess("2024-05-31 13:45:00") == "2024-05-31 13:45:00"
    stamp = gr.DateTime(timezone="UTC").preprocess("1970-01-02 00:00:00")
    assert stamp == 86400.0
    assert gr.DateTime(include_time=False, timezone="UTC").postprocess(0) == "1970-01-01"
    assert gr.DateTime().props()["placeholder"] == "YYYY-MM-DD HH:MM:SS"
    assert gr.DateTime(include_time=False).props()["placeholder"] == "YYYY-MM-DD"


def test_datetime_refuses_bad_text_type_and_zone() -> None:
    with pytest.raises(InvalidValue, match="not a date"):
        gr.DateTime().preprocess("tomorrow-ish")
    with pytest.raises(DefinitionError, match="type"):
        gr.DateTime(type="epoch")  # type: ignore[arg-type]
    with pytest.raises(DefinitionError, match="timezone"):
        gr.DateTime(timezone="Mars/Olympus")


def test_code_textarea_json_duplicate_button() -> None:
    code = gr.Code("x = 1", language="python")
    assert code.props()["language"] == "python"
    assert "rx-code" in code.props()["elem_classes"]
    assert code.preprocess("y = 2") == "y = 2"
    assert gr.TextArea().lines == 7
    assert gr.Json is gr.JSON
    assert gr.DuplicateButton().props()["value"] == "Duplicate Space"


async def test_code_languages_and_a_returned_language() -> None:
    assert "python" in gr.Code.languages
    assert None not in gr.Code.languages  # a Dropdown of them (Gradio's `code` demo) takes no None
    assert gr.Code(language=None).language is None  # no language: plain text
    with pytest.raises(DefinitionError, match="Code language must be one of python"):
        gr.Code(language="klingon")
    with gr.Blocks() as demo:
        lang = gr.Dropdown(value="python", choices=["python", "sql"], elem_id="lang")
        code = gr.Code(language="python", elem_id="code")
        lang.change(lambda name: gr.Code(language=name), lang, code)
    async with AppTester(demo) as page:
        await page.input("lang", "sql")
        props = page.page.props
        assert await page.wait_until(lambda: props.get("code", {}).get("language") == "sql")


def test_sidebar_holds_its_children() -> None:
    with gr.Blocks(), gr.Sidebar() as side:
        box = gr.Textbox()
    assert box in side.children

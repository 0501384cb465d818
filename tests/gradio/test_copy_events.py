"""``.copy`` on a Textbox, Markdown or Chatbot with a copy button (``buttons=["copy"]``): the
listener gets ``gr.CopyData`` (copy_events)."""

from __future__ import annotations

import warnings

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def copied(data: gr.CopyData) -> str:
    return f"copied {data.value}"


def copy_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        out = gr.Textbox(elem_id="out")
        md = gr.Markdown("**bold**", buttons=["copy"], elem_id="md")
        text = gr.Textbox("typed", buttons=["copy"], interactive=True, elem_id="text")
        gr.on([md.copy, text.copy], copied, outputs=out)
    return demo


def test_a_copy_button_is_drawn_and_its_press_is_listened_for() -> None:
    spec = copy_app().describe()
    for cid in ("md", "text"):
        props = spec["components"][cid]["props"]
        assert props["show_copy_button"] is True
        assert props["events"] == ["copy"]
    assert spec["listen"] == {"md": ["copy"], "text": ["copy"]}


@pytest.mark.parametrize("component", ["md", "text"])
async def test_a_press_of_the_copy_button_gives_the_listener_what_was_copied(
    component: str,
) -> None:
    async with AppTester(copy_app()) as page:
        await page.send({"t": "trigger", "c": component, "e": "copy", "d": {"value": "x y"}})
        assert await page.wait_value("out", "copied x y")


def chat_copy_app() -> gr.Blocks:
    history = [{"role": "user", "content": "Hello"}, {"role": "assistant", "content": "World"}]
    with gr.Blocks() as demo:
        out = gr.Textbox(elem_id="out")
        chat = gr.Chatbot(history, buttons=["copy"], elem_id="chat")
        chat.like(lambda: None)  # the chatbot's own page events stay listened beside copy
        chat.copy(copied, outputs=out)
    return demo


def test_a_chatbot_s_copy_buttons_are_drawn_and_listened_for() -> None:
    spec = chat_copy_app().describe()
    props = spec["components"]["chat"]["props"]
    assert props["show_copy_button"] is True
    assert sorted(props["events"]) == ["copy", "like"]
    assert spec["listen"]["chat"] == ["like", "copy"]


async def test_a_chatbot_message_s_copy_gives_the_listener_its_text() -> None:
    async with AppTester(chat_copy_app()) as page:
        await page.send({"t": "trigger", "c": "chat", "e": "copy", "d": {"value": "World"}})
        assert await page.wait_value("out", "copied World")


def test_copy_is_refused_where_no_copy_button_can_be() -> None:
    with gr.Blocks():
        number = gr.Number()
        with pytest.raises(DefinitionError, match=r"copy comes from textbox, markdown, chatbot"):
            number.copy(lambda: None)


def test_other_buttons_in_a_textbox_are_named_in_a_warning() -> None:
    with gr.Blocks(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        extra = gr.Button("Refresh")
        box = gr.Textbox(buttons=["copy", extra])
    assert box.show_copy_button is True
    assert any("buttons" in str(w.message) for w in caught)

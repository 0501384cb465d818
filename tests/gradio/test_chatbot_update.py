"""``gr.update`` of a Chatbot's own properties: feedback_value (Gradio's chatbot_feedback demo),
heights, editing, layout; a wrong value fails the run naming it."""

from __future__ import annotations

from typing import Any

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester

HISTORY = [
    {"role": "user", "content": "test user message"},
    {"role": "assistant", "content": "test assistant message"},
]


def feedback_demo(update: dict[str, Any]) -> gr.Blocks:
    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(elem_id="chat")
        chatbot.like(lambda: None, inputs=[], outputs=None)
        gr.Button("Load", elem_id="load").click(lambda: gr.update(**update), outputs=[chatbot])
    return demo


async def test_feedback_value_is_updated_with_the_history() -> None:
    async with AppTester(feedback_demo({"value": HISTORY, "feedback_value": ["Like"]})) as page:
        await page.click("load")
        assert await page.wait_value("chat", HISTORY)
        assert await page.wait_until(lambda: "chat" in page.page.props)
        assert page.page.props["chat"]["feedback_value"] == ["Like"]


async def test_other_chatbot_properties_are_updatable() -> None:
    change = {"min_height": 200, "max_height": 600, "editable": "all", "layout": "panel",
              "placeholder": "Ask", "feedback_options": ["Like", "Funny"]}  # fmt: skip
    async with AppTester(feedback_demo(change)) as page:
        await page.click("load")
        assert await page.wait_until(lambda: "chat" in page.page.props)
        props = page.page.props["chat"]
        assert {k: props[k] for k in change} == change


@pytest.mark.parametrize(
    ("update", "says"),
    [
        ({"feedback_value": "Like"}, "feedback_value is a list"),
        ({"editable": "some"}, "editable is None, 'user' or 'all'"),
        ({"layout": "grid"}, "layout is 'bubble' or 'panel'"),
    ],
)
async def test_a_wrong_chatbot_property_fails_the_run_naming_it(
    update: dict[str, Any], says: str
) -> None:
    demo = feedback_demo(update)
    load = demo.functions[-1].id
    async with AppTester(demo) as page:
        await page.click("load")
        assert await page.wait_status(load, "error")
        assert says in str(page.page.status[load]["msg"])


def test_feedback_value_is_checked_when_made() -> None:
    assert gr.Chatbot(feedback_value=("Like", None)).feedback_value == ["Like", None]
    with pytest.raises(DefinitionError, match="feedback_value is a list"):
        gr.Chatbot(feedback_value=3)  # type: ignore[arg-type]


def test_gradio6_buttons_and_like_user_message() -> None:
    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(buttons=["copy", "share"], like_user_message=True, elem_id="chat")
        chatbot.like(lambda: None, None, None)
        plain = gr.Chatbot(buttons=["copy_all"], like_user_message=True, elem_id="plain")
    props = demo.describe()["components"]["chat"]["props"]
    assert (props.get("show_copy_button"), props.get("show_copy_all_button")) == (True, None)
    assert props["like_user_message"] is True
    others = demo.describe()["components"]["plain"]["props"]
    assert (others.get("show_copy_button"), others.get("show_copy_all_button")) == (None, True)
    assert "like_user_message" not in others  # no like listener: no feedback buttons at all
    assert (plain.show_copy_button, plain.show_copy_all_button) == (False, True)
    with pytest.raises(DefinitionError, match="Chatbot buttons are 'copy', 'copy_all'"):
        gr.Chatbot(buttons=["copy", gr.Button("Extra")])

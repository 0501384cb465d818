"""Chatbot(examples=) and its example_select, and a message option's option_select."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def _examples(tmp_path: Path) -> list[dict[str, Any]]:
    icon = tmp_path / "icon.png"
    Image.new("RGB", (8, 8), "red").save(icon)
    return [
        {"text": "Describe this", "display_text": "Describe", "icon": str(icon),
         "files": [str(tmp_path / "song.wav")]},
        {"text": "Just text"},
        {"text": "Missing icon", "icon": str(tmp_path / "nowhere.png")},
    ]  # fmt: skip


def _chat_app(examples: list[dict[str, Any]]) -> gr.Blocks:
    with gr.Blocks() as demo:
        chat = gr.Chatbot(elem_id="chat", examples=examples)
        out = gr.Textbox(elem_id="out")

        def picked(evt: gr.SelectData, history: list[Any]) -> str:
            return f"{evt.index} {evt.value} {len(history)}"

        def option(evt: gr.SelectData) -> str:
            return f"option {evt.index} {evt.value}"

        chat.example_select(picked, [chat], out)
        chat.option_select(option, None, out)
    return demo


def test_the_page_gets_the_cards_names_not_paths(tmp_path: Path) -> None:
    demo = _chat_app(_examples(tmp_path))
    props = demo.describe()["components"]["chat"]["props"]
    first, second, third = props["examples"]
    assert first["text"] == "Describe"
    assert first["files"] == ["song.wav"]
    assert first["icon"]["mime"] == "image/png"
    assert second == {"text": "Just text"}
    assert third == {"text": "Missing icon"}  # a file that is not there: no icon, no error
    assert props["events"] == ["example_select", "option_select"]


async def test_example_select_value_is_the_servers_copy(tmp_path: Path) -> None:
    examples = _examples(tmp_path)
    async with AppTester(_chat_app(examples)) as page:
        # Whatever else the page puts in the data, the value is the app's own example.
        await page.send({"t": "trigger", "c": "chat", "e": "example_select",
                         "d": {"index": 0, "value": {"text": "forged"}}})  # fmt: skip
        assert await page.wait_value("out", f"0 {examples[0]} 0")


async def test_example_select_with_no_such_example_is_a_bad_value(tmp_path: Path) -> None:
    async with AppTester(_chat_app(_examples(tmp_path))) as page:
        await page.send({"t": "trigger", "c": "chat", "e": "example_select", "d": {"index": 3}})
        error = await page.wait_error()
        assert (error["code"], error["c"]) == ("bad_value", "chat")
        assert "no example 3" in error["msg"]


async def test_option_select_sends_the_message_index_and_option(tmp_path: Path) -> None:
    async with AppTester(_chat_app(_examples(tmp_path))) as page:
        await page.send({"t": "trigger", "c": "chat", "e": "option_select",
                         "d": {"index": 1, "value": "Option 2"}})  # fmt: skip
        assert await page.wait_value("out", "option 1 Option 2")
        await page.send({"t": "trigger", "c": "chat", "e": "option_select", "d": {"index": 1}})
        error = await page.wait_error()
        assert error["code"] == "bad_value"
        assert "option_select" in error["msg"]


async def test_example_select_then_respond_chain(tmp_path: Path) -> None:
    """Gradio's chatbot_examples demo: the example joins the history, then the bot answers."""
    with gr.Blocks() as demo:
        chat = gr.Chatbot(elem_id="chat", examples=[{"text": "Hi", "files": ["a.txt"]}])

        def append(x: gr.SelectData, history: list[Any]) -> list[Any]:
            history.append({"role": "user", "content": x.value["text"]})
            return history

        def respond(history: list[Any]) -> list[Any]:
            return [*history, {"role": "assistant", "content": "Cool!"}]

        chat.example_select(append, [chat], [chat]).then(respond, chat, chat)
    async with AppTester(demo) as page:
        await page.send({"t": "trigger", "c": "chat", "e": "example_select", "d": {"index": 0}})
        assert await page.wait_value(
            "chat", [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Cool!"}]
        )


@pytest.mark.parametrize(
    ("examples", "says"),
    [
        ("Hi", "list of dicts"),
        (["Hi"], "examples[0] is a dict"),
        ([{"txt": "Hi"}], "unknown key(s) ['txt']"),
        ([{"text": 3}], "['text'] is text"),
        ([{"text": "Hi", "files": [1]}], "list of file paths"),
    ],
)
def test_bad_examples_are_refused_naming_the_problem(examples: Any, says: str) -> None:
    with pytest.raises(DefinitionError) as caught:
        gr.Chatbot(examples=examples)
    assert says in str(caught.value)


def test_example_select_only_on_a_chatbot() -> None:
    with gr.Blocks(), pytest.raises(DefinitionError, match="example_select comes from chatbot"):
        gr.Textbox().example_select(lambda: None)

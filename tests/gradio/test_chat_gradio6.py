"""ChatInterface's newer Gradio arguments: additional_outputs, validator, show_progress, examples
with files (multimodal), and Gradio 6's message content as a list of parts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


async def error_of(page: AppTester, function: str) -> str:
    """The message of ``function``'s failed run, as the page shows it."""
    assert await page.wait_status(function, "error")
    return str(page.page.status[function]["msg"])


def _column(node: dict[str, Any], elem_id: str) -> dict[str, Any] | None:
    if node["props"].get("elem_id") == elem_id:
        return node
    found = [_column(c, elem_id) for c in node["children"] if isinstance(c, dict)]
    return next((f for f in found if f is not None), None)


def code_chat(message: str, history: list[Any]) -> tuple[str, Any]:
    if "python" in message.lower():
        return "Here is Python.", gr.Code(language="python", value="print(1)")
    return "Ask about Python.", None


async def test_additional_outputs_are_filled_where_they_are_rendered() -> None:
    with gr.Blocks() as demo:
        code = gr.Code(render=False, elem_id="code")
        with gr.Row():
            with gr.Column():
                chat = gr.ChatInterface(code_chat, additional_outputs=[code])
            with gr.Column(elem_id="artifacts"):
                code.render()
    assert demo.layout.holds(code)
    spec = demo.describe()["layout"]
    artifacts = _column(spec, "artifacts")
    assert artifacts is not None
    assert artifacts["children"] == ["code"]  # placed by .render(), not by the chat
    async with AppTester(demo) as page:
        await page.input(chat.textbox.id, "python please")
        await page.submit(chat.textbox.id)
        assert await page.wait_value("code", "print(1)")
        history = page.page.values[chat.chatbot.id]
        assert history[-1] == {"role": "assistant", "content": "Here is Python."}


async def test_a_wrong_shape_with_additional_outputs_is_the_runs_error() -> None:
    chat = gr.ChatInterface(lambda m, h: "only text", additional_outputs=[gr.Textbox()])
    async with AppTester(chat) as page:
        await page.input(chat.textbox.id, "hi")
        await page.submit(chat.textbox.id)
        assert "return (answer, value)" in await error_of(page, chat.functions[0].id)


async def test_a_validator_refuses_a_message_before_it_is_asked() -> None:
    asked: list[str] = []

    def answer(message: str, history: list[Any]) -> str:
        asked.append(message)
        return "ok"

    chat = gr.ChatInterface(
        answer,
        validator=lambda m: gr.validate(m != "error", "Can't be error"),
        show_progress="hidden",
    )
    assert chat.describe()["fns"][0]["progress"] is False
    async with AppTester(chat) as page:
        await page.input(chat.textbox.id, "error")
        await page.submit(chat.textbox.id)
        assert await error_of(page, chat.functions[0].id) == "Can't be error"
        await page.input(chat.textbox.id, "fine")
        await page.submit(chat.textbox.id)
        assert await page.wait_until(lambda: len(page.page.values[chat.chatbot.id] or []) == 2)
    assert asked == ["fine"]


async def test_a_listener_validator_checks_every_input() -> None:
    def check(age: float, city: str) -> list[Any]:
        return [gr.validate(age >= 3, "Age must be at least 3"),
                gr.validate("london" not in city.lower(), "Not in London")]  # fmt: skip

    with gr.Blocks() as demo:
        age, city, out = (
            gr.Number(elem_id="age"),
            gr.Textbox(elem_id="city"),
            gr.Textbox(elem_id="out"),
        )
        gr.Button("Go", elem_id="go").click(
            lambda a, c: f"{int(a)} {c}", [age, city], out, validator=check
        )
    async with AppTester(demo) as page:
        await page.input("age", 1)
        await page.input("city", "London")
        await page.click("go")
        message = await error_of(page, demo.functions[0].id)
        assert message == "Age must be at least 3\nNot in London"
        await page.input("age", 30)
        await page.input("city", "Paris")
        await page.click("go")
        assert await page.wait_value("out", "30 Paris")


async def test_multimodal_examples_with_files_attach_them(tmp_path: Path) -> None:
    picture = tmp_path / "avatar.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 16)

    def echo(message: dict[str, Any], history: list[Any]) -> str:
        return f"{message['text']} with {len(message['files'])} file(s)"

    chat = gr.ChatInterface(
        echo,
        multimodal=True,
        examples=[{"text": "hello"}, {"text": "hola", "files": [str(picture)]}],
    )
    cards = chat.describe()["components"][chat.chatbot.id]["props"]["examples"]
    assert cards == [{"text": "hello"}, {"text": "hola", "files": ["avatar.png"]}]
    async with AppTester(chat) as page:
        pick = {"t": "trigger", "c": chat.chatbot.id, "e": "example_select", "d": {"index": 1}}
        await page.send(pick)
        assert await page.wait_until(
            lambda: (
                (page.page.values.get(chat.chatbot.id) or [{}])[-1].get("content")
                == "hola with 1 file(s)"
            )
        )
    with pytest.raises(DefinitionError, match="multimodal=True"):
        gr.ChatInterface(echo, examples=[{"text": "x", "files": [str(picture)]}])


async def test_gradio6_parts_are_shown_in_one_message(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("numbers")
    with gr.Blocks() as demo:
        bot = gr.Chatbot(elem_id="bot")
        gr.Button("Show", elem_id="show").click(
            lambda: [{"role": "assistant", "content": [
                {"type": "text", "text": "Here it is:"},
                {"type": "file", "file": {"path": str(report)}},
                "and more",
            ]}],
            None,
            bot,
        )  # fmt: skip
    async with AppTester(demo) as page:
        await page.click("show")
        assert await page.wait_until(lambda: bool(page.page.values.get("bot")))
        content = page.page.values["bot"][0]["content"]
        assert content[0] == "Here it is:"
        assert content[1]["file"]["name"] == "report.txt"
        assert content[1]["file"]["data"] == b"numbers"
        assert content[2] == "and more"

"""More Blocks apps as Gradio users write them, in Chromium: a calculator wired with gr.on and a
set of inputs, and a chat whose submit clears the box and then streams the answer (and whose
answers take a like)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from reactive.cli import background_server, load_app
from tests.browser.conftest import open_app

CALCULATOR = """
import reactive as gr

with gr.Blocks() as demo:
    with gr.Row():
        a = gr.Number(label="a", elem_id="a")
        op = gr.Radio(["+", "-", "*", "/"], value="+", label="op", elem_id="op")
        b = gr.Number(label="b", elem_id="b")
    result = gr.Textbox(label="Result", elem_id="result")
    error = gr.Markdown(elem_id="error")

    def calculate(values):
        x, y = values[a], values[b]
        if values[op] == "/" and y == 0:
            return {error: "Cannot divide by zero", result: gr.skip()}
        answer = {"+": x + y, "-": x - y, "*": x * y, "/": x / y if y else 0}[values[op]]
        return {result: f"{answer:g}", error: ""}

    gr.on(triggers=[a.change, b.change, op.change], fn=calculate, inputs={a, b, op},
          outputs=[result, error])
"""

CHAT = """
import asyncio
import reactive as gr

with gr.Blocks() as demo:
    chatbot = gr.Chatbot(type="messages", elem_id="chat")
    msg = gr.Textbox(label="Message", elem_id="msg")

    def user(message, history):
        return "", history + [{"role": "user", "content": message}]

    async def bot(history):
        history = history + [{"role": "assistant", "content": ""}]
        asked = history[-2]["content"][0]["text"]  # Gradio 6: content is a list of parts
        for word in ["You", " said", ": ", asked]:
            history[-1]["content"] += word
            await asyncio.sleep(0.02)
            yield history

    msg.submit(user, [msg, chatbot], [msg, chatbot], queue=False).then(bot, chatbot, chatbot)
    verdict = gr.Textbox(label="Verdict", elem_id="verdict")

    def vote(data: gr.LikeData):
        return f"{'liked' if data.liked else 'disliked'} message {data.index}: {data.value}"

    chatbot.like(vote, None, verdict)
"""


def _serve(tmp: pytest.TempPathFactory, source: str) -> Iterator[str]:
    path = Path(tmp.mktemp("app")) / "app.py"
    path.write_text(source)
    with background_server(load_app(str(path))) as served:
        yield served


@pytest.fixture(scope="module")
def calculator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(tmp_path_factory, CALCULATOR)


@pytest.fixture(scope="module")
def chat(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(tmp_path_factory, CHAT)


def test_the_calculator_updates_as_you_type_and_skips_on_an_error(
    page: Page, calculator: str
) -> None:
    open_app(page, calculator)
    page.locator("#a input").fill("6")
    page.locator("#b input").fill("3")
    expect(page.locator("#result .rx-value")).to_have_value("9")
    page.get_by_role("radio", name="*").check()
    expect(page.locator("#result .rx-value")).to_have_value("18")
    page.get_by_role("radio", name="/").check()
    expect(page.locator("#result .rx-value")).to_have_value("2")
    page.locator("#b input").fill("0")
    expect(page.locator("#error")).to_contain_text("Cannot divide by zero")
    expect(page.locator("#result .rx-value")).to_have_value("2")  # skipped: as it was


def test_the_chat_clears_the_box_then_streams_the_answer(page: Page, chat: str) -> None:
    open_app(page, chat)
    box = page.locator("#msg textarea, #msg input").first
    box.fill("hello")
    box.press("Enter")
    expect(box).to_have_value("")
    expect(page.locator("#chat")).to_contain_text("You said: hello")


def test_a_like_on_an_answer_reaches_its_listener_with_the_like_data(page: Page, chat: str) -> None:
    open_app(page, chat)
    box = page.locator("#msg textarea, #msg input").first
    box.fill("cats")
    box.press("Enter")
    expect(page.locator("#chat")).to_contain_text("You said: cats")
    page.locator("#chat").get_by_role("button", name="Like", exact=True).last.click()
    expect(page.locator("#verdict .rx-value")).to_have_value("liked message 1: You said: cats")

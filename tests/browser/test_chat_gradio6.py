"""Gradio 6 chat features in Chromium: a message of several parts shows its text and its file in
one bubble; a multimodal example with a file attaches it and sends it; a validator's refusal is
shown and the message is not sent; additional outputs fill a component beside the chat."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b2a0cf0000000049454e44ae426082"
)


def test_a_message_of_parts_shows_its_text_and_picture_in_one_bubble(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    picture = tmp_path / "dot.png"
    picture.write_bytes(PNG)
    with gr.Blocks() as demo:
        bot = gr.Chatbot(elem_id="bot")
        gr.Button("Show", elem_id="show").click(
            lambda: [{"role": "assistant", "content": [
                {"type": "text", "text": "Here is **the** dot:"},
                {"type": "file", "file": {"path": str(picture)}},
            ]}],
            None,
            bot,
        )  # fmt: skip
    open_app(page, serve(demo))
    page.locator("#show button").click()
    bubble = page.locator(".rx-msg[data-role=assistant]")
    expect(bubble).to_have_count(1)
    expect(bubble.locator("strong")).to_have_text("the")
    expect(bubble.locator("img.rx-msg-image")).to_be_visible()
    assert "[{" not in bubble.inner_text()  # not the list's repr


def test_a_multimodal_example_with_a_file_sends_it(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    picture = tmp_path / "avatar.png"
    picture.write_bytes(PNG)

    def echo(message: dict[str, Any], history: list[Any]) -> str:
        return f"{message['text']} and {len(message['files'])} file(s)"

    chat = gr.ChatInterface(
        echo, multimodal=True, examples=[{"text": "hola", "files": [str(picture)]}]
    )
    open_app(page, serve(chat))
    page.locator(".rx-chat-example").first.click()  # a card in the empty chat
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("hola and 1 file(s)")
    expect(page.locator(".rx-msg[data-role=user] img.rx-msg-image")).to_be_visible()


def test_a_refused_message_shows_why_and_an_accepted_one_is_answered(
    page: Page, serve: Serve
) -> None:
    chat = gr.ChatInterface(
        lambda m, h: f"You typed: {m}",
        validator=lambda m: gr.validate(m != "error", "Can't be error"),
    )
    open_app(page, serve(chat))
    box = page.get_by_placeholder("Type a message…")
    box.fill("error")
    box.press("Enter")
    expect(page.get_by_text("Can't be error").first).to_be_visible()
    expect(page.locator(".rx-msg")).to_have_count(0)
    box.fill("fine")
    box.press("Enter")
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("You typed: fine")


def test_additional_outputs_fill_the_code_beside_the_chat(page: Page, serve: Serve) -> None:
    def chat_fn(message: str, history: list[Any]) -> tuple[str, Any]:
        return "Here is the code.", gr.Code(language="python", value="print('hi')")

    with gr.Blocks() as demo:
        code = gr.Code(render=False, elem_id="code")
        with gr.Row():
            with gr.Column():
                gr.ChatInterface(chat_fn, additional_outputs=[code])
            with gr.Column():
                code.render()
    open_app(page, serve(demo))
    box = page.get_by_placeholder("Type a message…")
    box.fill("python")
    box.press("Enter")
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("Here is the code.")
    expect(page.locator("#code textarea")).to_have_value("print('hi')")

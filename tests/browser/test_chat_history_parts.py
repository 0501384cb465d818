"""Gradio 6 histories in Chromium: a Gradio-style app that reads ``history[-1]["content"][0]
["text"]`` answers in the page, in a Blocks chat and in a ChatInterface."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def test_a_blocks_chat_reading_the_last_message_as_parts_answers(page: Page, serve: Serve) -> None:
    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(elem_id="chat")
        msg = gr.Textbox(elem_id="msg")

        def user(message: str, history: list[Any]) -> tuple[str, list[Any]]:
            return "", [*history, {"role": "user", "content": message}]

        def bot(history: list[Any]) -> Any:
            asked = history[-1]["content"][0]["text"]
            history.append({"role": "assistant", "content": ""})
            for word in ["You", " said", ": ", asked]:
                history[-1]["content"] += word
                yield history

        msg.submit(user, [msg, chatbot], [msg, chatbot]).then(bot, chatbot, chatbot)
    open_app(page, serve(demo))
    box = page.locator("#msg textarea, #msg input").first
    for said in ("hello", "again"):
        box.fill(said)
        box.press("Enter")
        expect(page.locator(".rx-msg[data-role=assistant]").last).to_have_text(f"You said: {said}")
    expect(page.locator(".rx-msg")).to_have_count(4)


def test_a_chat_interface_reading_its_history_as_parts_answers(page: Page, serve: Serve) -> None:
    def recall(message: str, history: list[Any]) -> str:
        if not history:
            return "first"
        return f"before: {history[-2]['content'][0]['text']}"

    open_app(page, serve(gr.ChatInterface(recall)))
    box = page.get_by_placeholder("Type a message…")
    box.fill("one")
    box.press("Enter")
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("first")
    box.fill("two")
    box.press("Enter")
    expect(page.locator(".rx-msg[data-role=assistant]").last).to_have_text("before: one")

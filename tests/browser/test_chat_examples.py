"""Chatbot examples in Chromium: cards while the chat is empty; a click runs example_select
(Gradio's chatbot_examples demo), and an option under an answer runs option_select."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image
from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app, screenshot
from tests.media import generate


def examples_demo(folder: Path) -> gr.Blocks:
    icon = folder / "avatar.png"
    Image.new("RGB", (16, 16), "orange").save(icon)
    song = generate.write_wav(folder / "cantina.wav", 16000, 0.5)
    examples: list[dict[str, Any]] = [
        {"icon": str(icon), "display_text": "Display Text Here!",
         "text": "Try this example with this audio.", "files": [str(song)]},
        {"text": "This is just text, no files!"},
    ]  # fmt: skip

    def append_example_message(x: gr.SelectData, history: list[Any]) -> list[Any]:
        history.append({"role": "user", "content": x.value["text"]})
        for file in x.value.get("files", []):
            history.append({"role": "user", "content": {"path": file}})
        return history

    def respond(history: list[Any]) -> list[Any]:
        options = [{"value": "Option 1"}, {"value": "Option 2"}]
        return [*history, {"role": "assistant", "content": "Cool!", "options": options}]

    def chose(evt: gr.SelectData) -> str:
        return f"option {evt.index}: {evt.value}"

    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(elem_id="chatbot", placeholder="**Welcome!**", examples=examples)
        picked = gr.Textbox(elem_id="picked")
        chatbot.example_select(append_example_message, [chatbot], [chatbot]).then(
            respond, chatbot, chatbot
        )
        chatbot.option_select(chose, None, picked)
    return demo


def test_an_example_card_starts_the_conversation(page: Page, serve: Serve, tmp_path: Path) -> None:
    open_app(page, serve(examples_demo(tmp_path)))
    chat = page.locator("#chatbot")
    expect(chat.locator(".rx-chat-placeholder strong")).to_have_text("Welcome!")
    cards = chat.locator(".rx-chat-example")
    expect(cards).to_have_count(2)
    first = cards.nth(0)
    expect(first.locator(".rx-chat-example-text")).to_have_text("Display Text Here!")
    expect(first.locator(".rx-chat-example-file")).to_have_text("cantina.wav")
    expect(first.locator("img.rx-chat-example-icon")).to_be_visible()
    assert first.locator("img").evaluate("i => i.naturalWidth") == 16
    expect(cards.nth(1)).to_have_text("This is just text, no files!")
    screenshot(page, "chat-examples")
    first.click()
    user = chat.locator(".rx-msg[data-role=user]")
    expect(user.nth(0)).to_have_text("Try this example with this audio.")
    expect(user.nth(1).locator("audio")).to_have_count(1)
    expect(chat.locator(".rx-msg[data-role=assistant]")).to_have_text("Cool!")
    expect(chat.locator(".rx-chat-examples")).to_have_count(0)
    expect(chat.locator(".rx-chat-placeholder")).to_have_count(0)
    chat.get_by_role("button", name="Option 2").click()
    expect(page.locator("#picked .rx-value")).to_have_value("option 2: Option 2")

"""A ChatInterface's examples in Chromium, drawn as Gradio draws them: cards in the empty chat
with their labels and icons (no table); a click sends the example and shows the answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image
from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def test_a_person_sees_example_cards_and_a_click_sends_one(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    icon = tmp_path / "star.png"
    Image.new("RGB", (16, 16), "orange").save(icon)

    def answer(message: str, history: list[Any]) -> str:
        return f"You asked: {message}"

    chat = gr.ChatInterface(
        answer,
        examples=["Tell me a joke", "What is caching?"],
        example_labels=["A joke", "Caching"],
        example_icons=[str(icon), None],
    )
    open_app(page, serve(chat))
    cards = page.locator(".rx-chat .rx-chat-example")
    expect(cards).to_have_count(2)
    expect(cards.locator(".rx-chat-example-text")).to_have_text(["A joke", "Caching"])
    expect(cards.nth(0).locator("img.rx-chat-example-icon")).to_be_visible()
    expect(cards.nth(1).locator("img")).to_have_count(0)
    expect(page.locator(".rx-example")).to_have_count(0)  # no table under the chat
    cards.nth(1).click()
    expect(page.locator(".rx-msg[data-role=user]")).to_have_text("What is caching?")
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("You asked: What is caching?")
    expect(cards).to_have_count(0)  # the chat is no longer empty
    box = page.get_by_placeholder("Type a message…")
    box.fill("And more?")
    box.press("Enter")
    expect(page.locator(".rx-msg[data-role=assistant]").last).to_have_text("You asked: And more?")

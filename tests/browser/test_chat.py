"""Chat in Chromium: thoughts collapsed under their title, Stop, Retry, likes, the input row."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, FilePayload, Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app, screenshot


def agent(message: str, history: list[Any]) -> Iterator[list[Any]]:
    thought = gr.ChatMessage(content="", metadata={"title": "🔍 Searching", "status": "pending"})
    for word in ["looking ", "up ", message]:
        thought.content += word
        time.sleep(0.05)
        yield [thought]
    thought.metadata = {"title": "🔍 Searching", "status": "done", "duration": 0.2}
    answer = gr.ChatMessage(content="")
    for word in ["Found ", "**", message, "**"]:
        answer.content += word
        yield [thought, answer]


def endless(message: str, history: list[Any]) -> Iterator[str]:
    text = ""
    while True:
        text += "."
        time.sleep(0.02)
        yield text


def test_a_thought_is_collapsed_under_its_title_and_the_input_row_aligns(
    page: Page, serve: Serve
) -> None:
    demo = gr.ChatInterface(agent, title="Agent")
    demo.chatbot.listen("like")  # what chatbot.like(fn) does
    open_app(page, serve(demo))
    box = page.get_by_placeholder("Type a message…")
    box.fill("cats")
    box.press("Enter")
    thought = page.locator(".rx-thought")
    expect(thought.locator(".rx-thought-title")).to_have_text("🔍 Searching")
    expect(page.locator(".rx-msg[data-role=assistant] strong")).to_have_text("cats")
    expect(thought).to_have_attribute("data-status", "done")
    expect(thought).not_to_have_attribute("open", "")
    expect(thought.locator(".rx-thought-duration")).to_have_text("0.2s")
    send = page.get_by_role("button", name="Send").bounding_box()
    field = box.bounding_box()
    assert send is not None
    assert field is not None
    assert abs(send["y"] - field["y"]) <= 2
    assert abs(send["height"] - field["height"]) <= 2
    page.evaluate(
        "() => { window.__events = []; document.addEventListener('rx-event',"
        " (e) => window.__events.push(e.detail)); }"
    )
    page.get_by_role("button", name="Like", exact=True).click()
    events = page.evaluate("window.__events")
    liked = {"index": 2, "value": "Found **cats**", "liked": True}
    assert events == [{"kind": "like", "data": liked}]
    thought.locator("summary").click()
    expect(thought.locator(".rx-thought-body")).to_contain_text("looking up cats")
    screenshot(page, "chat-thought")
    page.get_by_role("button", name="Retry").click()
    expect(page.locator(".rx-msg[data-role=user]")).to_have_count(1)
    expect(page.locator(".rx-msg[data-role=assistant] strong")).to_have_text("cats")


def test_stop_ends_a_streaming_answer(page: Page, serve: Serve) -> None:
    open_app(page, serve(gr.ChatInterface(endless)))
    box = page.get_by_placeholder("Type a message…")
    box.fill("go")
    box.press("Enter")
    stop = page.get_by_role("button", name="Stop")
    expect(stop).to_be_visible()
    expect(page.locator(".rx-msg[data-role=assistant]")).to_contain_text("...")
    stop.click()
    expect(stop).to_be_hidden()
    answer = page.locator(".rx-msg[data-role=assistant]")
    length = len(answer.inner_text())
    page.wait_for_timeout(300)  # would have grown by ~15 dots had it not stopped
    assert len(answer.inner_text()) == length


def test_multimodal_sends_text_and_files(page: Page, serve: Serve) -> None:
    def echo(message: dict[str, Any], history: list[Any]) -> str:
        return f"{message['text']} with {len(message['files'])} file(s)"

    open_app(page, serve(gr.ChatInterface(echo, multimodal=True)))
    page.locator(".rx-mm input[type=file]").set_input_files(
        files=[FilePayload(name="a.txt", mimeType="text/plain", buffer=b"hello")]
    )
    expect(page.locator(".rx-mm-file")).to_contain_text("a.txt")
    area = page.locator(".rx-mm textarea")
    area.fill("look")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("look with 1 file(s)")
    expect(page.locator(".rx-msg[data-role=user] .rx-msg-file")).to_contain_text("a.txt")
    expect(page.locator(".rx-mm-file")).to_have_count(0)
    screenshot(page, "chat-multimodal")


def count_answer(message: str, history: list[Any]) -> str:
    return f"{message} #{len(history) // 2 + 1}"


def test_saved_conversations_switch_back_and_forth(page: Page, serve: Serve) -> None:
    open_app(page, serve(gr.ChatInterface(count_answer, save_history=True)))
    box = page.get_by_placeholder("Type a message…")
    box.fill("apples")
    box.press("Enter")
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("apples #1")
    expect(page.locator(".rx-chat-saved-open")).to_have_text(["apples"])
    page.get_by_role("button", name="+ New chat").click()
    expect(page.locator(".rx-msg")).to_have_count(0)
    box.fill("pears")
    box.press("Enter")
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("pears #1")
    expect(page.locator(".rx-chat-saved-open")).to_have_text(["pears", "apples"])
    page.locator(".rx-chat-saved-open", has_text="apples").click()
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("apples #1")
    box.fill("more")
    box.press("Enter")  # the server continues the conversation switched to
    expect(page.locator(".rx-msg[data-role=assistant]").nth(1)).to_have_text("more #2")
    screenshot(page, "chat-saved-history")
    page.reload()
    page.wait_for_selector("html[data-rx-state=ready]")
    expect(page.locator(".rx-chat-saved-open")).to_have_text(["apples", "pears"])


def test_editing_a_sent_message_asks_it_again(page: Page, serve: Serve) -> None:
    open_app(page, serve(gr.ChatInterface(count_answer, editable=True)))
    box = page.get_by_placeholder("Type a message…")
    for text in ("one", "two"):
        box.fill(text)
        box.press("Enter")
        expect(page.locator(".rx-msg[data-role=assistant]").last).to_contain_text(text)
    page.evaluate(
        "() => { window.__events = []; document.addEventListener('rx-event',"
        " (e) => window.__events.push(e.detail)); }"
    )
    page.locator(".rx-msg-row[data-role=user]").first.get_by_role("button", name="Edit").click()
    page.locator(".rx-msg-edit").fill("uno")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".rx-msg[data-role=user]")).to_have_text(["uno"])
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text(["uno #1"])
    edit = {"index": 0, "value": "uno", "previous_value": "one"}
    assert page.evaluate("window.__events") == [{"kind": "edit", "data": edit}]


def test_images_and_reasoning_inside_messages(page: Page, serve: Serve) -> None:
    import numpy as np

    app = gr.App()
    chat = gr.Chatbot(elem_id="chat", reasoning_tags=[("<think>", "</think>")], height=360)

    @app.fn(inputs=gr.Textbox(elem_id="msg"), outputs=chat)
    def reply(message: str) -> Iterator[list[Any]]:
        red = np.zeros((40, 60, 3), np.uint8)
        red[..., 0] = 255
        text = ""
        for part in ["<think>", "pondering ", message, "</think>", "Here is red:"]:
            text += part
            time.sleep(0.03)
            yield [{"role": "user", "content": message}, {"role": "assistant", "content": text}]
        picture = gr.Image(red, label="red")
        yield [
            {"role": "user", "content": message},
            {"role": "assistant", "content": text},
            {"role": "assistant", "content": picture},
        ]

    open_app(page, serve(app))
    page.locator("#msg input").fill("colours")
    page.get_by_role("button", name="Submit").click()
    thought = page.locator("#chat .rx-thought")
    expect(thought.locator(".rx-thought-title")).to_have_text("Thinking")
    expect(thought).to_have_attribute("data-status", "done")
    expect(page.locator("#chat .rx-msg[data-role=assistant]").first).to_have_text("Here is red:")
    image = page.locator("#chat .rx-msg .rx-image img")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.naturalWidth") == 60
    screenshot(page, "chat-image-reasoning")


def test_flagging_an_answer_records_it(page: Page, serve: Serve, tmp_path: Path) -> None:
    demo = gr.ChatInterface(
        count_answer,
        flagging_mode="manual",
        flagging_options=["Like", "Spam"],
        flagging_dir=str(tmp_path),
    )
    open_app(page, serve(demo))
    box = page.get_by_placeholder("Type a message…")
    box.fill("ham")
    box.press("Enter")
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("ham #1")
    page.get_by_role("button", name="Spam").click()
    expect(page.get_by_role("button", name="Spam")).to_have_attribute("aria-pressed", "true")
    dataset = tmp_path / "dataset.csv"
    lines: list[str] = []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and len(lines) < 2:
        page.wait_for_timeout(20)  # the server writes it when the flag arrives
        lines = dataset.read_text("utf-8").splitlines() if dataset.exists() else []
    assert lines[0] == "conversation,message,flag,timestamp"
    assert '"""ham #1""",Spam,' in lines[1]


def test_tool_calls_nest_inside_their_parent(page: Page, serve: Serve) -> None:
    def tools(message: str, history: list[Any]) -> list[Any]:
        return [
            gr.ChatMessage(
                content="Plan: ask two sites",
                metadata={"title": "_Tools_ <img src=x onerror=alert(1)>", "id": 1},
            ),
            gr.ChatMessage(content="sunny", metadata={"title": "site A", "id": 2, "parent_id": 1}),
            gr.ChatMessage(
                content="timeout",
                metadata={"title": "site B", "parent_id": 1, "status": "pending", "log": "retry 1"},
            ),
            gr.ChatMessage(content="It is sunny."),
        ]

    open_app(page, serve(gr.ChatInterface(tools)))
    box = page.get_by_placeholder("Type a message…")
    box.fill("weather?")
    box.press("Enter")
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("It is sunny.")
    outer = page.locator(".rx-chat > .rx-thought")
    expect(outer).to_have_count(1)
    expect(outer.locator(":scope > summary em")).to_have_text("Tools")  # Markdown, sanitized
    assert outer.locator("[onerror]").count() == 0
    inner = outer.locator(".rx-thought-body > .rx-thought")
    expect(inner.locator(".rx-thought-title")).to_have_text(["site A", "site B"])
    outer.locator(":scope > summary").click()
    expect(inner.nth(1)).to_have_attribute("open", "")  # pending: open
    expect(inner.nth(1).locator(".rx-thought-log")).to_have_text("retry 1")
    screenshot(page, "chat-nested-tools")


def test_on_a_phone_the_send_button_stays_beside_the_box(browser: Browser, serve: Serve) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 760})
    page = context.new_page()
    try:
        open_app(page, serve(gr.ChatInterface(count_answer, save_history=True)))
        box = page.get_by_placeholder("Type a message…")
        box.fill("hello from a phone with a long message")
        box.press("Enter")
        expect(page.locator(".rx-msg[data-role=assistant]")).to_contain_text("#1")
        send = page.get_by_role("button", name="Send").bounding_box()
        field = box.bounding_box()
        assert send is not None
        assert field is not None
        assert abs(send["y"] - field["y"]) <= 2
        assert send["x"] > field["x"] + field["width"] - 1
        assert send["x"] + send["width"] <= 390
        screenshot(page, "chat-phone")
    finally:
        context.close()


def test_placeholder_avatars_and_copy(page: Page, serve: Serve, tmp_path: Path) -> None:
    from PIL import Image as PILImage

    bot = tmp_path / "bot.png"
    PILImage.new("RGB", (8, 8), (20, 160, 60)).save(bot)
    chatbot = gr.Chatbot(
        placeholder="**Ask me** anything",
        avatar_images=(None, str(bot)),
        show_copy_button=True,
        elem_id="chat",
    )
    open_app(page, serve(gr.ChatInterface(count_answer, chatbot=chatbot)))
    expect(page.locator("#chat .rx-chat-placeholder strong")).to_have_text("Ask me")
    box = page.get_by_placeholder("Type a message…")
    box.fill("hi")
    box.press("Enter")
    expect(page.locator("#chat .rx-msg[data-role=assistant]")).to_have_text("hi #1")
    expect(page.locator("#chat .rx-chat-placeholder")).to_have_count(0)
    avatar = page.locator("#chat .rx-msg-row[data-role=assistant] img.rx-avatar")
    expect(avatar).to_be_visible()
    assert avatar.evaluate("img => img.naturalWidth") == 8
    expect(page.locator("#chat .rx-msg-row[data-role=user] img.rx-avatar")).to_have_count(0)
    copy = page.locator("#chat .rx-msg-row[data-role=assistant]").get_by_role("button", name="Copy")
    expect(copy).to_be_visible()

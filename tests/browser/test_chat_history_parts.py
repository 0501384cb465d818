"""Gradio 6 chats in Chromium: a Gradio-style app that reads ``history[-1]["content"][0]
["text"]`` answers in the page, in a Blocks chat and in a ChatInterface; an updated
feedback_value shows the answer liked; Retry and Undo under the last answer (chatbot.retry,
chatbot.undo); Gradio 6's copy buttons and likes on the person's messages; a saved multimodal
turn."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import FilePayload, Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app
from tests.gradio.test_chatbot_retry_undo import retry_undo_demo


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


def test_an_updated_feedback_value_shows_the_answer_liked(page: Page, serve: Serve) -> None:
    history = [
        {"role": "user", "content": "test user message"},
        {"role": "assistant", "content": "test assistant message"},
    ]
    with gr.Blocks() as demo:  # Gradio's chatbot_feedback demo
        chatbot = gr.Chatbot()
        chatbot.like(lambda: None, inputs=[], outputs=None)
        gr.Button("Test Liked Loading", elem_id="load").click(
            lambda: gr.update(value=history, feedback_value=["Like"]), outputs=[chatbot]
        )
    open_app(page, serve(demo))
    page.locator("#load button").click()
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("test assistant message")
    # feedback_value counts answers (Gradio's order), not messages: the first answer is liked.
    like = page.get_by_role("button", name="Like", exact=True)
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Dislike", exact=True)).to_have_attribute(
        "aria-pressed", "false"
    )


def test_retry_and_undo_under_the_last_answer(page: Page, serve: Serve) -> None:
    open_app(page, serve(retry_undo_demo()))
    box = page.locator("#prompt input, #prompt textarea").first
    box.fill("hi")
    box.press("Enter")
    answer = page.locator(".rx-msg[data-role=assistant]")
    expect(answer).to_have_text("answer 1 to hi")
    page.get_by_role("button", name="Retry", exact=True).click()
    expect(answer).to_have_text("answer 2 to hi")
    expect(page.locator(".rx-msg[data-role=user]")).to_have_count(1)
    page.get_by_role("button", name="Undo", exact=True).click()
    expect(page.locator(".rx-msg[data-role=user]")).to_have_count(0)
    expect(box).to_have_value("hi")


def test_gradio6_copy_buttons_and_likes_under_the_persons_messages(
    page: Page, serve: Serve
) -> None:
    history = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
    with gr.Blocks() as demo:  # as Gradio's chatbot_multimodal and chatbot_with_tools make theirs
        chatbot = gr.Chatbot(history, buttons=["copy"], like_user_message=True, elem_id="chat")
        said = gr.Textbox(elem_id="said")

        def liked(data: gr.LikeData) -> str:
            return f"{data.index} {data.liked}"

        chatbot.like(liked, None, said)
    open_app(page, serve(demo))
    user = page.locator(".rx-msg-row[data-role=user]")
    expect(user.get_by_role("button", name="Copy", exact=True)).to_be_visible()
    user.get_by_role("button", name="Like", exact=True).click()
    expect(page.locator("#said textarea, #said input").first).to_have_value("0 True")


def test_a_saved_multimodal_turn_keeps_its_text_and_its_files_names(
    page: Page, serve: Serve
) -> None:
    def echo(message: dict[str, Any], history: list[Any]) -> str:
        return f"{message['text']} with {len(message['files'])} file(s)"

    open_app(page, serve(gr.ChatInterface(echo, multimodal=True, save_history=True)))
    page.locator(".rx-mm input[type=file]").set_input_files(
        files=[FilePayload(name="a.txt", mimeType="text/plain", buffer=b"hello")]
    )
    page.locator(".rx-mm textarea").fill("look")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".rx-msg[data-role=assistant]")).to_have_text("look with 1 file(s)")
    expect(page.locator(".rx-chat-saved-open")).to_have_text(["look"])  # titled by its text
    page.get_by_role("button", name="+ New chat").click()
    expect(page.locator(".rx-msg")).to_have_count(0)
    page.locator(".rx-chat-saved-open", has_text="look").click()
    user = page.locator(".rx-msg[data-role=user]")
    expect(user).to_have_count(1)  # one message: the file's name, then the text
    expect(user).to_contain_text("📎 a.txt")
    expect(user).to_contain_text("look")

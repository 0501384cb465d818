"""``chatbot.retry`` and ``chatbot.undo`` in a Blocks app (Gradio's chatbot_retry_undo_like demo,
its model replaced by a counter): the data names the person's last message; the listeners read it
from a Gradio 6 history (``history[i]["content"][0]["text"]``)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import reactive as gr
from reactive.testing import AppTester


def retry_undo_demo() -> gr.Blocks:
    answers = itertools.count(1)

    def respond(prompt: str, history: list[Any]) -> Iterator[list[Any]]:
        if not history:
            history = [{"role": "system", "content": "You are a friendly chatbot"}]
        history.append({"role": "user", "content": prompt})
        yield history
        yield [*history, {"role": "assistant", "content": f"answer {next(answers)} to {prompt}"}]

    def handle_undo(history: list[Any], undo_data: gr.UndoData) -> tuple[list[Any], str]:
        return history[: undo_data.index], history[undo_data.index]["content"][0]["text"]

    def handle_retry(history: list[Any], retry_data: gr.RetryData) -> Iterator[list[Any]]:
        previous_prompt = history[retry_data.index]["content"][0]["text"]
        yield from respond(previous_prompt, history[: retry_data.index])

    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(label="Agent", elem_id="chat")
        prompt = gr.Textbox(max_lines=1, label="Chat Message", elem_id="prompt")
        prompt.submit(respond, [prompt, chatbot], [chatbot])
        prompt.submit(lambda: "", None, [prompt])
        chatbot.undo(handle_undo, chatbot, [chatbot, prompt])
        chatbot.retry(handle_retry, chatbot, [chatbot])
    return demo


def last(page: AppTester) -> Any:
    return (page.page.values.get("chat") or [{}])[-1].get("content")


async def test_retry_asks_the_last_message_again_and_undo_takes_it_back() -> None:
    demo = retry_undo_demo()
    assert sorted(demo.describe()["components"]["chat"]["props"]["events"]) == ["retry", "undo"]
    async with AppTester(demo) as page:
        await page.input("prompt", "hi")
        await page.submit("prompt")
        assert await page.wait_until(lambda: last(page) == "answer 1 to hi")
        turn = {"index": 1, "value": "hi"}  # the page names the person's last message
        await page.send({"t": "trigger", "c": "chat", "e": "retry", "d": turn})
        assert await page.wait_until(lambda: last(page) == "answer 2 to hi")
        assert len(page.page.values["chat"]) == 3  # system, user, the new answer
        await page.send({"t": "trigger", "c": "chat", "e": "undo", "d": turn})
        assert await page.wait_value("prompt", "hi")
        assert page.page.values["chat"] == [
            {"role": "system", "content": "You are a friendly chatbot"}
        ]


async def test_a_retry_without_an_index_is_refused() -> None:
    async with AppTester(retry_undo_demo()) as page:
        await page.send({"t": "trigger", "c": "chat", "e": "retry", "d": {"value": "hi"}})
        error = await page.wait_error()
        assert "retry data is {index: int, value}" in str(error)

"""rx.ChatInterface: fn(message, history) answers, growing; history in either Gradio format."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

import reactive as gr
from reactive.errors import CompatibilityWarning
from reactive.gradio.chat_interface import _history
from reactive.testing import AppTester

seen: list[Any] = []


def slow_echo(message: str, history: list[dict[str, str]]) -> Iterator[str]:
    seen.append(history)
    answer = f"You typed: {message}"
    for i in range(0, len(answer), 4):
        time.sleep(0.01)
        yield answer[: i + 4]


async def chat(page: AppTester, text: str) -> None:
    app = page.welcome["app"]
    box = next(c for c, s in app["components"].items() if s["type"] == "textbox")
    send = next(c for c, s in app["components"].items() if s["type"] == "button")
    await page.input(box, text)
    await page.click(send)


async def test_a_streaming_answer_grows_the_last_message() -> None:
    seen.clear()
    demo = gr.ChatInterface(slow_echo, type="messages")
    async with AppTester(demo) as page:
        await chat(page, "hi")
        assert await page.wait_value(
            "chatbot",
            [
                {"role": "user", "content": "hi"},
                {"role": "assistant", "content": "You typed: hi"},
            ],
        )
        assert await page.wait_status("slow_echo", "done")
        await chat(page, "again")
        assert await page.wait_until(lambda: len(page.page.values["chatbot"]) == 4)
        assert seen[-1] == [
            {"role": "user", "content": "hi"},
            {"role": "assistant", "content": "You typed: hi"},
        ]
        assert any(e["t"] == "append" for e in page.page.applied)


async def test_async_functions_and_examples() -> None:
    async def answer(message: str, history: list[Any]) -> str:
        await asyncio.sleep(0)
        return message.upper()

    demo = gr.ChatInterface(answer, examples=["hello"])
    async with AppTester(demo) as page:
        await page.send({"t": "example", "f": "answer", "i": 0})
        assert await page.wait_until(
            lambda: (page.page.values.get("chatbot") or [{}])[-1].get("content") == "HELLO"
        )


async def test_async_generators_stream_too() -> None:
    async def stream(message: str, history: list[Any]) -> AsyncIterator[str]:
        for end in range(1, len(message) + 1):
            yield message[:end]

    async with AppTester(gr.ChatInterface(stream)) as page:
        await chat(page, "abc")
        assert await page.wait_until(
            lambda: (page.page.values.get("chatbot") or [{}])[-1].get("content") == "abc"
        )


def test_history_as_tuples() -> None:
    messages = [
        {"role": "user", "content": "a"},
        {"role": "assistant", "content": "b"},
        {"role": "user", "content": "c"},
    ]
    assert _history(messages, "tuples") == [["a", "b"], ["c", None]]
    assert _history(messages, "messages") == messages


def test_unsupported_arguments_warn() -> None:
    with pytest.warns(CompatibilityWarning, match="ChatInterface ignores .*multimodal"):
        gr.ChatInterface(slow_echo, multimodal=True)

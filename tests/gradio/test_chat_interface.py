"""rx.ChatInterface: fn(message, history) answers, growing; history in either Gradio format."""

from __future__ import annotations

import asyncio
import csv
import json
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

import reactive as gr
from reactive.components.chatbot import to_tuples
from reactive.errors import DefinitionError
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
        assert seen[-1] == [  # Gradio 6's history: each content a list of parts
            {"role": "user", "metadata": None,
             "content": [{"type": "text", "text": "hi"}], "options": None},
            {"role": "assistant", "metadata": None,
             "content": [{"type": "text", "text": "You typed: hi"}], "options": None},
        ]  # fmt: skip
        assert any(e["t"] == "append" for e in page.page.applied)


async def test_async_functions_and_examples() -> None:
    async def answer(message: str, history: list[Any]) -> str:
        await asyncio.sleep(0)
        return message.upper()

    demo = gr.ChatInterface(answer, examples=["hello"])
    assert demo.chatbot.examples == [{"text": "hello"}]  # a card in the empty chat
    async with AppTester(demo) as page:
        pick = {"t": "trigger", "c": "chatbot", "e": "example_select", "d": {"index": 0}}
        await page.send(pick)
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
    assert to_tuples(messages) == [["a", "b"], ["c", None]]


def test_unsupported_arguments_are_refused_at_definition() -> None:
    with pytest.raises(DefinitionError, match="ChatInterface does not support sidebar_width"):
        gr.ChatInterface(slow_echo, sidebar_width=3)
    with pytest.raises(DefinitionError, match="cache_examples"):
        gr.ChatInterface(slow_echo, examples=["a"], cache_examples=True)


def ids(page: AppTester, kind: str) -> list[str]:
    components = page.welcome["app"]["components"]
    return [c for c, spec in components.items() if spec["type"] == kind]


def button(page: AppTester, label: str) -> str:
    components = page.welcome["app"]["components"]
    return str(next(c for c, s in components.items() if s["props"].get("value") == label))


async def test_additional_inputs_follow_the_history_in_an_accordion() -> None:
    def answer(message: str, history: list[Any], prefix: str, times: float) -> str:
        return f"{prefix}{message * int(times)}"

    demo = gr.ChatInterface(
        answer,
        additional_inputs=[gr.Textbox("> ", label="Prefix"), gr.Slider(1, 3, value=2, label="x")],
    )
    accordions = [b for b in demo.layout.children if getattr(b, "label", None)]
    assert str(demo.layout.describe()).count("Additional Inputs") == 1, accordions
    async with AppTester(demo) as page:
        await chat(page, "ab")
        assert await page.wait_until(
            lambda: (page.page.values.get("chatbot") or [{}])[-1].get("content") == "> abab"
        )
    with pytest.raises(DefinitionError, match="takes 2 parameter"):
        gr.ChatInterface(slow_echo, additional_inputs=gr.Textbox())


async def test_retry_undo_and_clear() -> None:
    answers = iter(["first", "second"])

    def answer(message: str, history: list[Any]) -> str:
        return next(answers)

    async with AppTester(gr.ChatInterface(answer)) as page:
        await chat(page, "q")
        assert await page.wait_until(lambda: len(page.page.values.get("chatbot") or []) == 2)
        await page.click(button(page, "Retry"))
        assert await page.wait_value(
            "chatbot",
            [{"role": "user", "content": "q"}, {"role": "assistant", "content": "second"}],
        )
        await page.click(button(page, "Undo"))
        assert await page.wait_value("chatbot", [])
        assert page.page.values[ids(page, "textbox")[0]] == "q"
        await page.click(button(page, "Clear"))
        assert await page.wait_value("chatbot", [])


async def test_stop_cancels_a_streaming_answer_for_real() -> None:
    started, closed = asyncio.Event(), asyncio.Event()

    async def endless(message: str, history: list[Any]) -> AsyncIterator[str]:
        started.set()
        text = ""
        try:
            while True:
                text += "."
                yield text
                await asyncio.sleep(0.005)
        finally:
            closed.set()

    demo = gr.ChatInterface(endless)
    async with AppTester(demo) as page:
        chatbot = page.welcome["app"]["components"]["chatbot"]["props"]
        assert chatbot["chat"]["stop"][0] == "endless"
        await chat(page, "go")
        await asyncio.wait_for(started.wait(), 5)
        for function in chatbot["chat"]["stop"]:
            await page.send({"t": "cancel", "f": function})
        await asyncio.wait_for(closed.wait(), 5)
        assert await page.wait_status("endless", "cancelled")


async def test_examples_fill_or_send_and_take_labels() -> None:
    def answer(message: str, history: list[Any], n: float) -> str:
        return f"{message}:{int(n)}:{len(history)}"

    demo = gr.ChatInterface(
        answer,
        additional_inputs=gr.Number(1),
        examples=[["hi", 2], "bye"],
        example_labels=["Say hi", "Say bye"],
    )
    example = next(f for f in demo.functions if f.id == "answer")
    assert example.examples is not None
    assert [row[0] for row in example.examples.cells] == ["Say hi", "Say bye"]
    async with AppTester(demo) as page:
        await page.send({"t": "example", "f": "answer", "i": 1})
        assert await page.wait_until(
            lambda: (page.page.values.get("chatbot") or [{}])[-1].get("content") == "bye:1:0"
        )
    with pytest.raises(DefinitionError, match="example_labels has 1"):
        gr.ChatInterface(
            answer, additional_inputs=gr.Number(), examples=["a", "b"], example_labels=["x"]
        )


async def test_multimodal_messages_carry_their_files() -> None:
    seen_messages: list[Any] = []

    def echo(message: dict[str, Any], history: list[Any]) -> list[Any]:
        seen_messages.append((message, [Path(f).read_bytes() for f in message["files"]]))
        answer = f"{message['text']} + {len(message['files'])} file(s)"
        return [answer, *(gr.File(value=f) for f in message["files"])]

    demo = gr.ChatInterface(echo, multimodal=True)
    async with AppTester(demo) as page:
        box = ids(page, "multimodaltextbox")[0]
        png = {"name": "dot.png", "mime": "image/png", "data": b"\x89PNG fake"}
        await page.input(box, {"text": "see", "files": [png]})
        await page.submit(box)
        # Gradio 6: the turn is one user message, its file then its text.
        assert await page.wait_until(lambda: len(page.page.values.get("chatbot") or []) == 3)
        shown = page.page.values["chatbot"]
        echoed = shown[2]["content"]
        assert echoed["component"] == "file"
        assert echoed["value"]["data"] == b"\x89PNG fake"
        assert shown[0]["role"] == "user"
        picture, said = shown[0]["content"]
        assert picture["file"]["name"] == "dot.png"
        assert said == "see"
        assert shown[1] == {"role": "assistant", "content": "see + 1 file(s)"}
        message, contents = seen_messages[0]
        assert message["text"] == "see"
        assert contents == [b"\x89PNG fake"]
        assert page.page.values[box] == {"text": "", "files": []}
    with pytest.raises(DefinitionError, match=r"needs textbox= an rx\.MultimodalTextbox"):
        gr.ChatInterface(echo, multimodal=True, textbox=gr.Textbox())


async def test_answers_may_be_messages_thoughts_and_components() -> None:
    def agent(message: str, history: list[Any]) -> Iterator[list[Any]]:
        thought = gr.ChatMessage(content="", metadata={"title": "Searching", "status": "pending"})
        for word in ["a", "b"]:
            thought.content += word
            yield [thought]
        thought.metadata["status"] = "done"
        yield [thought, gr.ChatMessage(content="found it")]

    async with AppTester(gr.ChatInterface(agent)) as page:
        await chat(page, "find")
        assert await page.wait_status("agent", "done")
        shown = page.page.values["chatbot"]
        assert shown[1] == {
            "role": "assistant",
            "content": "ab",
            "metadata": {"title": "Searching", "status": "done"},
        }
        assert shown[2] == {"role": "assistant", "content": "found it"}


def test_save_history_and_editable_reach_the_chat_view() -> None:
    demo = gr.ChatInterface(slow_echo, save_history=True, editable=True)
    controls = demo.chatbot.extra_props()["chat"]
    assert controls["save_history"] is True
    assert controls["resubmit"] is True
    assert demo.chatbot.editable == "user"


async def test_flagging_writes_the_flagged_answer_to_a_csv(tmp_path: Path) -> None:
    demo = gr.ChatInterface(
        slow_echo,
        flagging_mode="manual",
        flagging_options=["Like", "Spam"],
        flagging_dir=str(tmp_path),
    )
    props = demo.chatbot.extra_props()
    assert props["feedback_options"] == ["Like", "Spam"]
    flag_box = props["chat"]["flag"]
    async with AppTester(demo) as page:
        await chat(page, "hi")
        assert await page.wait_status("slow_echo", "done")
        await page.input(flag_box, '{"index": 1, "flag": "Spam"}')
        await page.submit(flag_box)
        assert await page.wait_status("slow_echo_flag", "done")
        await page.input(flag_box, '{"index": 1, "flag": "Nope"}')
        await page.submit(flag_box)
        assert await page.wait_status("slow_echo_flag", "error")
    rows = list(csv.reader((tmp_path / "dataset.csv").read_text("utf-8").splitlines()))
    assert rows[0] == ["conversation", "message", "flag", "timestamp"]
    assert len(rows) == 2
    assert json.loads(rows[1][0])[-1] == {"role": "assistant", "content": "You typed: hi"}
    assert rows[1][1:3] == ['"You typed: hi"', "Spam"]
    with pytest.raises(DefinitionError, match="flagging_mode is 'never' or 'manual'"):
        gr.ChatInterface(slow_echo, flagging_mode="auto")


async def test_your_own_chatbot_and_textbox() -> None:
    chatbot = gr.Chatbot(elem_id="mine", placeholder="Ask", type="tuples")
    box = gr.Textbox(elem_id="box", placeholder="Say it")
    seen_histories: list[Any] = []

    def answer(message: str, history: list[Any]) -> str:
        seen_histories.append(history)
        return message[::-1]

    demo = gr.ChatInterface(answer, chatbot=chatbot, textbox=box, type="tuples", title="Mine")
    assert demo.title == "Mine"
    async with AppTester(demo) as page:
        for text in ("abc", "de"):
            await page.input("box", text)
            await page.submit("box")
            assert await page.wait_until(
                lambda t=text: (page.page.values.get("mine") or [{}])[-1].get("content") == t[::-1]  # type: ignore[misc]
            )
        assert page.welcome["app"]["components"]["mine"]["props"]["placeholder"] == "Ask"
    assert seen_histories == [[], [["abc", "cba"]]]

"""Chat messages: ChatMessage, metadata, reasoning tags, files, components, page histories."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import reactive as rx
from reactive.components.upload_folder import writing_to
from reactive.errors import DefinitionError, InvalidValue, OutputError
from reactive.media.paths import ServedPaths
from reactive.testing import AppTester


def test_chat_message_and_metadata_reach_the_page() -> None:
    chat = rx.Chatbot()
    wire = chat.postprocess(
        [
            rx.ChatMessage(role="user", content="weather?"),
            rx.ChatMessage(
                content="calling the API",
                metadata={"title": "🔧 weather", "status": "pending", "id": 1, "duration": 2},
            ),
            {"role": "assistant", "content": "Sunny", "options": [{"value": "thanks"}]},
        ]
    )
    assert wire == [
        {"role": "user", "content": "weather?"},
        {
            "role": "assistant",
            "content": "calling the API",
            "metadata": {"title": "🔧 weather", "status": "pending", "id": 1, "duration": 2.0},
        },
        {
            "role": "assistant",
            "content": "Sunny",
            "options": [{"value": "thanks", "label": "thanks"}],
        },
    ]


def test_bad_metadata_is_named() -> None:
    chat = rx.Chatbot()
    with pytest.raises(OutputError, match=r"unknown metadata key.*colour"):
        chat.postprocess([{"role": "assistant", "content": "x", "metadata": {"colour": "red"}}])
    with pytest.raises(OutputError, match="'pending' or 'done'"):
        chat.postprocess([{"role": "assistant", "content": "x", "metadata": {"status": "busy"}}])


def test_reasoning_tags_make_a_thought_pending_until_the_tag_closes() -> None:
    chat = rx.Chatbot(reasoning_tags=[("<think>", "</think>")])
    thinking = {"title": "Thinking", "status": "pending"}
    done = {"title": "Thinking", "status": "done"}
    open_ = chat.postprocess([{"role": "assistant", "content": "<think>plan a"}])
    assert open_ == [{"role": "assistant", "content": "plan a", "metadata": thinking}]
    closed = chat.postprocess([{"role": "assistant", "content": "<think>plan</think>Answer"}])
    assert closed == [
        {"role": "assistant", "content": "plan", "metadata": done},
        {"role": "assistant", "content": "Answer"},
    ]
    assert rx.Chatbot().postprocess([{"role": "assistant", "content": "<think>x</think>"}]) == [
        {"role": "assistant", "content": "<think>x</think>"}
    ]
    with pytest.raises(DefinitionError, match="reasoning_tags"):
        rx.Chatbot(reasoning_tags=["<think>"])


def test_files_and_components_in_messages(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("hello")
    chat = rx.Chatbot()
    chat.served_paths = ServedPaths.of([tmp_path], [])  # as allowed_paths= does
    wire = chat.postprocess(
        [
            {"role": "user", "content": {"path": str(note)}},
            {"role": "assistant", "content": (str(note), "a note")},
            {"role": "assistant", "content": rx.Image(np.zeros((4, 6, 3), np.uint8))},
        ]
    )
    note_wire = {"name": "note.txt", "mime": "text/plain", "data": b"hello"}
    assert wire[0]["content"]["file"] == note_wire
    assert wire[1]["content"]["file"]["alt"] == "a note"
    image = wire[2]["content"]
    assert image["component"] == "image"
    assert (image["value"]["w"], image["value"]["h"]) == (6, 4)
    with pytest.raises(OutputError, match="cannot show Textbox"):
        chat.postprocess([{"role": "assistant", "content": rx.Textbox("x")}])


def test_a_history_from_the_page_is_checked_and_its_files_saved(tmp_path: Path) -> None:
    chat = rx.Chatbot()
    page = [
        {"role": "user", "content": {"file": {"name": "a.png", "mime": "image/png", "data": b"x"}}},
        {"role": "user", "content": "look"},
        {"role": "assistant", "content": "ok", "metadata": {"title": "t", "status": "done"}},
    ]
    with writing_to(tmp_path):
        history = chat.preprocess(page)
    saved = Path(history[0]["content"]["path"])
    assert saved.read_bytes() == b"x"
    assert saved.is_relative_to(tmp_path)
    assert history[0]["content"]["mime_type"] == "image/png"
    assert history[1:] == [page[1], page[2]]
    with pytest.raises(InvalidValue, match="role"):
        chat.preprocess([{"role": "robot", "content": "x"}])
    with pytest.raises(InvalidValue, match="content is text or a file"):
        chat.preprocess([{"role": "user", "content": 3}])
    tuples = rx.Chatbot(type="tuples")
    assert tuples.preprocess(page[1:]) == [["look", None]]


def test_props_for_the_page() -> None:
    chat = rx.Chatbot(
        placeholder="Ask me", show_copy_button=True, editable="user", height=300, layout="panel"
    )
    props = chat.extra_props()
    assert props["placeholder"] == "Ask me"
    assert props["show_copy_button"] is True
    assert props["editable"] == "user"
    assert props["height"] == 300
    assert props["layout"] == "panel"
    assert "likeable" not in props
    assert "events" not in props
    chat.listen("like")
    assert chat.extra_props()["feedback_options"] == ["Like", "Dislike"]
    assert chat.extra_props()["events"] == ["like"]
    with pytest.raises(DefinitionError, match="no 'dance' page event"):
        chat.listen("dance")
    with pytest.raises(DefinitionError, match="editable"):
        rx.Chatbot(editable="everyone")  # type: ignore[arg-type]


def thinking_app() -> rx.App:
    app = rx.App()
    chat = rx.Chatbot(elem_id="chat")

    @app.fn(inputs=rx.Textbox(elem_id="msg"), outputs=chat)
    def think(message: str) -> Iterator[list[Any]]:
        thought = rx.ChatMessage(content="", metadata={"title": "Thinking", "status": "pending"})
        history: list[Any] = [{"role": "user", "content": message}, thought]
        for word in ["first ", "second ", "third"]:
            thought.content += word
            time.sleep(0.005)
            yield history
        thought.metadata = {"title": "Thinking", "status": "done", "duration": 0.5}
        history.append(rx.ChatMessage(content=""))
        for word in ["the ", "answer"]:
            history[-1].content += word
            yield history

    return app


async def test_a_growing_thought_travels_as_append_deltas() -> None:
    async with AppTester(thinking_app()) as page:
        await page.input("msg", "why?")
        await page.click("think-submit")
        assert await page.wait_status("think", "done")
        final = page.page.values["chat"]
        assert final[1] == {
            "role": "assistant",
            "content": "first second third",
            "metadata": {"title": "Thinking", "status": "done", "duration": 0.5},
        }
        assert final[2] == {"role": "assistant", "content": "the answer"}
        events = [e for e in page.page.applied if e.get("c") == "chat"]
        appended = "".join(e["d"] for e in events if e["t"] == "append")
        updates = [e for e in events if e["t"] == "update"]
        # Whole values only when the shape changes (first value, thought done, answer added);
        # every other token is a delta.
        assert appended
        assert len(updates) <= 4, [e["t"] for e in events]
        assert not page.page.dropped


async def test_a_reasoning_stream_is_appended_inside_the_open_thought() -> None:
    app = rx.App()
    chat = rx.Chatbot(elem_id="chat", reasoning_tags=[("<think>", "</think>")])

    @app.fn(inputs=rx.Textbox(elem_id="msg"), outputs=chat)
    def reason(message: str) -> Iterator[list[dict[str, str]]]:
        text = ""
        for token in ["<think>", "a", "b", "c", "</think>", "x", "y", "z"]:
            text += token
            time.sleep(0.005)
            yield [{"role": "assistant", "content": text}]

    async with AppTester(app) as page:
        await page.input("msg", "go")
        await page.click("reason-submit")
        assert await page.wait_status("reason", "done")
        thought, answer = page.page.values["chat"]
        assert thought["content"] == "abc"
        assert thought["metadata"]["status"] == "done"
        assert answer == {"role": "assistant", "content": "xyz"}
        events = [e for e in page.page.applied if e.get("c") == "chat"]
        assert [e for e in events if e["t"] == "append"], "the thought was resent whole per token"

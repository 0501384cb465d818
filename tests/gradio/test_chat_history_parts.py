"""A Chatbot's history as a Gradio listener receives it: Gradio 6's list of parts.

Gradio 6 sends a history through the page and back, so every message's content reaches a
function as ``[{"type": "text", "text": ...}, ...]``, even text the app returned as a string; the
native API (``@app.fn``) keeps the content as the app gave it (docs/chat.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import reactive as gr
import reactive as rx
from reactive.components.chat_history import gradio_history
from reactive.errors import OutputError
from reactive.testing import AppTester


def text(role: str, said: str) -> dict[str, Any]:
    """A text message as Gradio 6 hands it to a function."""
    return {
        "role": role,
        "metadata": None,
        "content": [{"type": "text", "text": said}],
        "options": None,
    }


def editable_demo() -> gr.Blocks:
    """Gradio's chatbot_editable demo, in short: strings in, parts read by a .change listener."""
    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(value=[], editable="user", elem_id="chat")
        add = gr.Button("Add Message", elem_id="add")
        joined = gr.Textbox(elem_id="joined")

        def add_message(history: list[Any]) -> list[Any]:
            history.append({"role": "user", "content": "I'm a user"})
            history.append({"role": "assistant", "content": "I'm a bot"})
            return history

        add.click(add_message, [chatbot], [chatbot])
        chatbot.change(lambda h: "|".join(m["content"][0]["text"] for m in h), chatbot, joined)
    return demo


async def test_text_the_app_returned_as_a_string_comes_back_as_a_text_part() -> None:
    async with AppTester(editable_demo()) as page:
        await page.click("add")
        assert await page.wait_value("joined", "I'm a user|I'm a bot")
        # The page still gets plain text (drawn, edited and streamed as text).
        assert page.page.values["chat"] == [
            {"role": "user", "content": "I'm a user"},
            {"role": "assistant", "content": "I'm a bot"},
        ]
        await page.click("add")
        assert await page.wait_value("joined", "I'm a user|I'm a bot|I'm a user|I'm a bot")


async def test_a_history_the_person_edited_reaches_the_listener_as_parts() -> None:
    seen: list[Any] = []
    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(value=[{"role": "user", "content": "hi"}], elem_id="chat")
        out = gr.Textbox(elem_id="out")

        def read(history: list[Any], data: gr.EditData) -> str:
            seen.append(history)
            return str(history[0]["content"][0]["text"])

        chatbot.edit(read, chatbot, out)
    async with AppTester(demo) as page:
        await page.input("chat", [{"role": "user", "content": "hey"}])
        edit = {"index": 0, "value": "hey", "previous_value": "hi"}
        await page.send({"t": "trigger", "c": "chat", "e": "edit", "d": edit})
        assert await page.wait_value("out", "hey")
    assert seen == [[text("user", "hey")]]


async def test_the_starting_value_and_metadata_and_options_are_given_as_gradio_does() -> None:
    seen: list[Any] = []
    start = [
        {"role": "user", "content": "Think"},
        gr.ChatMessage("hmm", metadata={"title": "Thought", "status": "done"}),
        {"role": "assistant", "content": "Pick", "options": [{"value": "a"}]},
    ]
    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(value=start, elem_id="chat")
        go = gr.Button("Go", elem_id="go")
        go.click(lambda h: seen.append(h), chatbot, None)
    async with AppTester(demo) as page:
        await page.click("go")
        assert await page.wait_until(lambda: bool(seen))
    thought = {**text("assistant", "hmm"), "metadata": {"title": "Thought", "status": "done"}}
    pick = {**text("assistant", "Pick"), "options": [{"value": "a"}]}
    assert seen == [[text("user", "Think"), thought, pick]]


def test_files_and_components_become_file_and_component_parts(tmp_path: Path) -> None:
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG fake")
    image = gr.Image(value=str(picture))
    history = gradio_history(
        [
            {"role": "user", "content": {"path": str(picture)}},
            {"role": "user", "content": (str(picture), "a cat")},
            {"role": "user", "content": [{"path": str(picture)}, "What is it?"]},
            {"role": "assistant", "content": image},
        ]
    )
    file = {
        "path": str(picture),
        "url": None,
        "size": len(b"\x89PNG fake"),
        "orig_name": "cat.png",
        "mime_type": "image/png",
        "is_stream": False,
        "meta": {"_type": "gradio.FileData"},
    }
    assert history[0]["content"] == [{"file": file, "alt_text": None, "type": "file"}]
    assert history[1]["content"] == [{"file": file, "alt_text": "a cat", "type": "file"}]
    assert history[2]["content"] == [
        {"file": file, "alt_text": None, "type": "file"},
        {"type": "text", "text": "What is it?"},
    ]
    part = history[3]["content"][0]
    assert (part["type"], part["component"], part["instance"]) == ("component", "image", image)
    assert gradio_history(history) == history  # parts given back stay as they are


async def test_parts_given_back_are_drawn_as_before(tmp_path: Path) -> None:
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG fake")
    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(elem_id="chat")
        add = gr.Button("Add", elem_id="add")
        echo = gr.Button("Echo", elem_id="echo")

        def add_picture(history: list[Any]) -> list[Any]:
            return [*history, {"role": "user", "content": [{"path": str(picture)}, "Look"]}]

        def echo_back(history: list[Any]) -> list[Any]:
            said = history[-1]["content"][-1]["text"]
            return [*history, {"role": "assistant", "content": [{"type": "text", "text": said}]}]

        add.click(add_picture, chatbot, chatbot)
        echo.click(echo_back, chatbot, chatbot)
    async with AppTester(demo) as page:
        await page.click("add")
        assert await page.wait_until(lambda: len(page.page.values.get("chat") or []) == 1)
        await page.click("echo")
        assert await page.wait_until(lambda: len(page.page.values.get("chat") or []) == 2)
        shown = page.page.values["chat"]
        assert shown[0]["content"][0]["file"]["data"] == b"\x89PNG fake"
        assert shown[0]["content"][1] == "Look"
        assert shown[1] == {"role": "assistant", "content": "Look"}


async def test_a_part_form_answer_still_streams_as_append_deltas() -> None:
    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(value=[{"role": "user", "content": "hi"}], elem_id="chat")
        go = gr.Button("Go", elem_id="go")

        def bot(history: list[Any]) -> Any:
            history.append({"role": "assistant", "content": [{"type": "text", "text": ""}]})
            for word in ["Hel", "lo", " there"]:
                history[-1]["content"][0]["text"] += word
                yield history

        go.click(bot, chatbot, chatbot)
    async with AppTester(demo) as page:
        await page.click("go")
        assert await page.wait_until(
            lambda: (page.page.values.get("chat") or [{}])[-1].get("content") == "Hello there"
        )
        assert any(e["t"] == "append" for e in page.page.applied if e.get("c") == "chat")


def test_a_component_part_without_its_instance_is_refused() -> None:
    chatbot = gr.Chatbot()
    part = {"type": "component", "component": "image", "value": None}
    with pytest.raises(OutputError, match="needs its 'instance'"):
        chatbot.postprocess([{"role": "assistant", "content": [part]}])


async def test_a_tuples_chatbot_still_gets_pairs() -> None:
    seen: list[Any] = []
    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(value=[["hi", "hello"]], type="tuples", elem_id="chat")
        gr.Button("Go", elem_id="go").click(lambda h: seen.append(h), chatbot, None)
    async with AppTester(demo) as page:
        await page.click("go")
        assert await page.wait_until(lambda: bool(seen))
    assert seen == [[["hi", "hello"]]]


async def test_the_native_api_keeps_the_content_as_the_app_gave_it() -> None:
    app = rx.App()
    chat = rx.Chatbot(value=[{"role": "user", "content": "hi"}], elem_id="chat")
    seen: list[Any] = []

    @app.fn(inputs=chat, outputs=rx.Textbox(elem_id="out"), trigger=rx.Button("Go"))
    def read(history: list[Any]) -> str:
        seen.append(history)
        return str(history[0]["content"])

    async with AppTester(app) as page:
        button = next(c for c, s in page.welcome["app"]["components"].items()
                      if s["type"] == "button")  # fmt: skip
        await page.click(button)
        assert await page.wait_value("out", "hi")
    assert seen == [[{"role": "user", "content": "hi"}]]


async def test_a_chat_interface_history_holds_a_multimodal_turn_as_one_message_of_parts() -> None:
    seen: list[Any] = []

    def echo(message: dict[str, Any], history: list[Any]) -> str:
        parts = [part for m in history for part in m["content"]]
        files = [Path(p["file"]["path"]).read_bytes() for p in parts if p["type"] == "file"]
        shape = [(m["role"], len(m["content"])) for m in history]
        seen.append((shape, parts, files))  # read now: the session's upload folder goes with it
        return "ok"

    demo = gr.ChatInterface(echo, multimodal=True)
    async with AppTester(demo) as page:
        box = next(c for c, s in page.welcome["app"]["components"].items()
                   if s["type"] == "multimodaltextbox")  # fmt: skip
        png = {"name": "dot.png", "mime": "image/png", "data": b"\x89PNG fake"}
        for turn, said in enumerate(("see", "again"), start=1):
            await page.input(box, {"text": said, "files": [png]})
            await page.submit(box)
            assert await page.wait_until(lambda n=turn: len(seen) == n)  # type: ignore[misc]
            assert await page.wait_status("echo", "done")
    shape, parts, files = seen[1]
    assert shape == [("user", 2), ("assistant", 1)]  # Gradio 6: one message, file and text
    assert [p["type"] for p in parts] == ["file", "text", "text"]
    assert parts[0]["file"]["orig_name"] == "dot.png"
    assert files == [b"\x89PNG fake"]
    assert [p.get("text") for p in parts[1:]] == ["see", "ok"]


async def test_retry_asks_a_multimodal_turn_again_with_its_file() -> None:
    asked: list[tuple[str, list[bytes]]] = []

    def echo(message: dict[str, Any], history: list[Any]) -> str:
        asked.append((message["text"], [Path(f).read_bytes() for f in message["files"]]))
        return f"answer {len(asked)}"

    demo = gr.ChatInterface(echo, multimodal=True)
    retry = demo.chatbot.chat_controls["retry"]  # type: ignore[index]
    async with AppTester(demo) as page:
        await ask_with_a_file(page)
        assert await page.wait_until(lambda: len(asked) == 1)
        assert await page.wait_status("echo", "done")
        await page.click(retry)
        assert await page.wait_until(
            lambda: (page.page.values.get(demo.chatbot.id) or [{}])[-1].get("content")
            == "answer 2"
        )
        assert len(page.page.values[demo.chatbot.id]) == 2
    assert asked == [("see", [b"\x89PNG fake"])] * 2


async def test_an_interface_with_a_chatbot_input_gets_gradio_parts() -> None:
    demo = gr.Interface(
        lambda history: history[-1]["content"][0]["text"].upper(),
        inputs=gr.Chatbot(value=[{"role": "user", "content": "hi"}]),
        outputs=gr.Textbox(elem_id="out"),
    )
    async with AppTester(demo) as page:
        components = page.welcome["app"]["components"].items()
        submit = next(c for c, s in components if s["props"].get("variant") == "primary")
        await page.click(submit)
        assert await page.wait_value("out", "HI")


def test_pairs_in_a_messages_chatbot_become_messages_of_parts() -> None:
    chatbot = gr.Chatbot()
    assert chatbot.gradio_value([["hi", "hello"], [None, "again"]]) == [
        text("user", "hi"),
        text("assistant", "hello"),
        text("assistant", "again"),
    ]


async def test_undo_puts_a_multimodal_turn_back_in_the_box_with_its_file() -> None:
    demo = gr.ChatInterface(lambda m, h: "ok", multimodal=True)
    undo = demo.chatbot.chat_controls["undo"]  # type: ignore[index]
    async with AppTester(demo) as page:
        box = await ask_with_a_file(page)
        assert await page.wait_until(lambda: len(page.page.values.get(demo.chatbot.id) or []) == 2)
        await page.click(undo)
        assert await page.wait_value(demo.chatbot.id, [])
        back = page.page.values[box]
        assert back["text"] == "see"
        assert [(f["name"], f["data"]) for f in back["files"]] == [("dot.png", b"\x89PNG fake")]


async def ask_with_a_file(page: AppTester) -> str:
    """Send "see" with a small picture from the multimodal box, as a person would; its id."""
    box: str = next(c for c, s in page.welcome["app"]["components"].items()
                    if s["type"] == "multimodaltextbox")  # fmt: skip
    png = {"name": "dot.png", "mime": "image/png", "data": b"\x89PNG fake"}
    await page.input(box, {"text": "see", "files": [png]})
    await page.submit(box)
    return box

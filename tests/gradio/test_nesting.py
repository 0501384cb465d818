"""Gradio apps inside a gr.Blocks: an Interface or ChatInterface made in its ``with`` places itself
there, ``.render()`` places one made outside, and ``gr.TabbedInterface`` puts one in each tab."""

from __future__ import annotations

from typing import Any

import pytest

import reactive as gr
from reactive.cli import _find_app
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def _ids(node: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for child in node["children"]:
        found += _ids(child) if isinstance(child, dict) else [child]
    return found


def _tab(spec: dict[str, Any], label: str) -> dict[str, Any]:
    def walk(node: dict[str, Any]) -> dict[str, Any] | None:
        if node["type"] == "tab" and node["props"].get("label") == label:
            return node
        for child in node["children"]:
            if isinstance(child, dict) and (hit := walk(child)) is not None:
                return hit
        return None

    tab = walk(spec["layout"])
    assert tab is not None, label
    return tab


def _button(spec: dict[str, Any], ids: list[str], label: str) -> str:
    return next(
        c for c in ids
        if spec["components"][c]["type"] == "button"
        and spec["components"][c]["props"].get("value") == label
    )  # fmt: skip


async def test_two_interfaces_inside_blocks_each_answer_in_their_own_tab() -> None:
    with gr.Blocks() as demo:
        top = gr.Textbox(label="Above")
        with gr.Tab("Upper"):
            gr.Interface(lambda s: s.upper(), "text", "text", title="Shout", api_name="predict")
        with gr.Tab("Lower"):
            gr.Interface(lambda s: s.lower(), "text", "text", api_name="predict")
    spec = demo.describe()
    upper, lower = _ids(_tab(spec, "Upper")), _ids(_tab(spec, "Lower"))
    assert top.id not in upper + lower
    assert not set(upper) & set(lower)
    assert spec["components"][upper[0]]["props"]["value"] == "# Shout"  # the title, drawn
    assert len({f["id"] for f in spec["fns"]}) == len(spec["fns"])  # ids made unique
    async with AppTester(demo) as page:
        for ids, expected in ((upper, "HELLO"), (lower, "hello")):
            boxes = [c for c in ids if spec["components"][c]["type"] == "textbox"]
            await page.input(boxes[0], "HeLLo")
            await page.click(_button(spec, ids, "Submit"))
            assert await page.wait_value(boxes[1], expected)


async def test_components_passed_in_are_moved_into_the_interface() -> None:
    with gr.Blocks() as demo:
        with gr.Row():
            name = gr.Textbox(label="Name")
        gr.Interface(lambda n: f"Hi {n}", name, gr.Textbox(label="Greeting"))
    row = demo.layout.children[0]
    assert isinstance(row, gr.Row)
    assert row.children == []
    assert demo.layout.children[1] is not row
    assert name.id in _ids(demo.describe()["layout"])


async def test_a_chat_rendered_inside_blocks_answers_and_a_listener_fills_it() -> None:
    chat = gr.ChatInterface(lambda message, history: message[::-1])
    with gr.Blocks() as demo:
        pick = gr.Radio(["Greeting", "Blank"], label="Start")
        chat.render()
        pick.change(
            lambda c: [{"role": "assistant", "content": "Hello!"}] if c == "Greeting" else [],
            pick,
            chat.chatbot_value,
        )
    assert _find_app({"chat": chat, "demo": demo}, "app.py", "") is demo  # only the page
    controls = chat.chatbot.chat_controls
    assert controls is not None
    assert controls["input"] == chat.textbox.id
    assert controls["stop"][0] == chat.functions[0].id
    async with AppTester(demo) as page:
        await page.input(pick.id, "Greeting")
        assert await page.wait_value(chat.chatbot.id, [{"role": "assistant", "content": "Hello!"}])
        await page.input(chat.textbox.id, "abc")
        await page.submit(chat.textbox.id)
        assert await page.wait_until(
            lambda: (page.page.values[chat.chatbot.id] or [{}])[-1].get("content") == "cba"
        )


async def test_a_blocks_rendered_inside_another_keeps_its_listeners() -> None:
    inner = gr.Blocks()
    with inner:
        text = gr.Textbox(label="In")
        out = gr.Textbox(label="Out")
        gr.Button("Go").click(lambda s: s * 2, text, out)
    with gr.Blocks() as demo:
        gr.Textbox(label="Other")  # an id the inner app may also have used
        with gr.Tab("Inner"):
            inner.render()
    assert inner.grafted
    assert text.id != "textbox"
    async with AppTester(demo) as page:
        await page.input(text.id, "ab")
        await page.click(_button(demo.describe(), list(demo.components), "Go"))
        assert await page.wait_value(out.id, "abab")


async def test_tabbed_interface_puts_each_app_in_a_tab() -> None:
    hello = gr.Interface(lambda n: "Hello " + n, "text", "text", api_name="predict")
    bye = gr.Interface(lambda n: "Bye " + n, "text", "text", api_name="predict")
    chat = gr.ChatInterface(lambda m, h: "Hello " + m)
    demo = gr.TabbedInterface([hello, bye, chat], ["Hello World", "Bye World", "Chat"])
    spec = demo.describe()
    bye_ids = _ids(_tab(spec, "Bye World"))
    assert _ids(_tab(spec, "Chat"))
    assert _find_app({"hello": hello, "bye": bye, "chat": chat, "demo": demo}, "app.py", "") is demo
    async with AppTester(demo) as page:
        boxes = [c for c in bye_ids if spec["components"][c]["type"] == "textbox"]
        await page.input(boxes[0], "you")
        await page.click(_button(spec, bye_ids, "Submit"))
        assert await page.wait_value(boxes[1], "Bye you")


def test_tabbed_interface_inside_blocks_and_nested_blocks_place_themselves() -> None:
    one = gr.Interface(lambda s: s, "text", "text")
    with gr.Blocks() as demo:
        gr.Markdown("Before")
        gr.TabbedInterface([one], ["One"])
        with gr.Blocks():
            gr.Markdown("Nested")
    kinds = [child.type for child in demo.layout.children[1:]]
    assert kinds == ["column", "column"]
    assert _tab(demo.describe(), "One")


def test_misuse_is_refused_clearly() -> None:
    one = gr.Interface(lambda s: s, "text", "text")
    with pytest.raises(DefinitionError, match=r"inside `with gr\.Blocks"):
        one.render()
    with gr.Blocks():
        one.render()
        with pytest.raises(DefinitionError, match="rendered once"):
            one.render()
    with pytest.raises(DefinitionError, match="one name per app"):
        gr.TabbedInterface([gr.Interface(lambda s: s, "text", "text")], ["a", "b"])


def test_clear_empties_a_blocks() -> None:
    demo = gr.Blocks()
    with demo:
        gr.Textbox()
    with demo.clear():
        gr.Markdown("Only me")
    assert [spec["type"] for spec in demo.describe()["components"].values()] == ["markdown"]


async def test_demo_unload_runs_when_the_pages_session_ends() -> None:
    import asyncio
    import threading

    from reactive.session.manager import SessionManager

    ended = threading.Event()
    with gr.Blocks() as demo:
        gr.Textbox()
        demo.unload(ended.set)
    manager = SessionManager(demo, grace=0.2, run_grace=0.1)
    async with AppTester(demo, manager=manager) as page:
        assert not ended.is_set()
        page.disconnect()
        assert await asyncio.to_thread(ended.wait, 5)  # after the grace period, not before

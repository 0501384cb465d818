"""A ChatInterface's examples as Gradio draws them: cards in the empty chat (``example_labels``
their text, ``example_icons`` their pictures); a click asks one, or only fills the box; examples
giving the additional inputs values stay a table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b2a0cf0000000049454e44ae426082"
)


def pick(chat: gr.ChatInterface, index: int) -> dict[str, Any]:
    """The page's message for a click on card ``index``."""
    return {"t": "trigger", "c": chat.chatbot.id, "e": "example_select", "d": {"index": index}}


def cards(chat: gr.ChatInterface) -> Any:
    return chat.describe()["components"][chat.chatbot.id]["props"]["examples"]


async def test_a_card_shows_its_label_and_icon_and_a_click_asks_it(tmp_path: Path) -> None:
    icon = tmp_path / "star.png"
    icon.write_bytes(PNG)

    def answer(message: str, history: list[Any], style: str) -> str:
        return f"{message} ({style}, {len(history)} earlier)"

    chat = gr.ChatInterface(
        answer,
        additional_inputs=gr.Textbox("plain"),
        examples=["Tell a joke", ["Write a poem", None]],
        example_labels=["Joke", "Poem"],
        example_icons=[str(icon), None],
    )
    drawn = cards(chat)
    assert [c["text"] for c in drawn] == ["Joke", "Poem"]
    assert drawn[0]["icon"]["mime"] == "image/png"
    assert "icon" not in drawn[1]
    assert all(f.examples is None for f in chat.functions)  # no table under the chat
    async with AppTester(chat) as page:
        await page.send(pick(chat, 1))
        assert await page.wait_value(
            chat.chatbot.id,
            [
                {"role": "user", "content": "Write a poem"},
                {"role": "assistant", "content": "Write a poem (plain, 0 earlier)"},
            ],
        )


async def test_an_async_generator_answers_a_card_growing() -> None:
    async def stream(message: str, history: list[Any]) -> Any:
        for end in range(1, len(message) + 1):
            yield message[:end]

    chat = gr.ChatInterface(stream, examples=["abc"])
    async with AppTester(chat) as page:
        await page.send(pick(chat, 0))
        assert await page.wait_until(
            lambda: (page.page.values.get(chat.chatbot.id) or [{}])[-1].get("content") == "abc"
        )
        assert await page.wait_status(f"{chat.functions[0].id}_example", "done")


async def test_without_run_on_click_a_card_fills_the_box(tmp_path: Path) -> None:
    picture = tmp_path / "dot.png"
    picture.write_bytes(PNG)
    plain = gr.ChatInterface(lambda m, h: m, examples=["hi"], run_examples_on_click=False)
    async with AppTester(plain) as page:
        await page.send(pick(plain, 0))
        assert await page.wait_value(plain.textbox.id, "hi")
        assert page.page.values[plain.chatbot.id] in (None, [])  # nothing asked
    multimodal = gr.ChatInterface(
        lambda m, h: m["text"],
        multimodal=True,
        examples=[{"text": "see", "files": [str(picture)]}],
        run_examples_on_click=False,
    )
    async with AppTester(multimodal) as page:
        await page.send(pick(multimodal, 0))
        assert await page.wait_until(
            lambda: (page.page.values.get(multimodal.textbox.id) or {}).get("text") == "see"
        )
        files = page.page.values[multimodal.textbox.id]["files"]
        assert [f["name"] for f in files] == ["dot.png"]


async def test_stop_cancels_an_answer_to_a_card() -> None:
    chat = gr.ChatInterface(lambda m, h: m, examples=["hi"])
    stop = chat.chatbot.chat_controls["stop"]  # type: ignore[index]
    assert f"{chat.functions[0].id}_example" in stop


def test_examples_with_values_for_additional_inputs_stay_a_table() -> None:
    chat = gr.ChatInterface(
        lambda m, h, n: m, additional_inputs=gr.Number(1), examples=[["hi", 2], "bye"]
    )
    assert chat.chatbot.examples is None
    assert chat.functions[0].examples is not None


def test_icons_must_match_the_examples() -> None:
    with pytest.raises(DefinitionError, match="example_icons has 1 icons for 2 examples"):
        gr.ChatInterface(lambda m, h: m, examples=["a", "b"], example_icons=["x.png"])

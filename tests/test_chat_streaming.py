"""A chatbot streamed token by token: only the growing last message travels, as deltas."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import reactive as rx
from reactive.testing import AppTester

Messages = list[dict[str, str]]


def chat_app() -> rx.App:
    app = rx.App()
    chat = rx.Chatbot(elem_id="chat")

    @app.fn(inputs=[rx.Textbox(elem_id="msg"), chat], outputs=[rx.Textbox(elem_id="msg2"), chat])
    def respond(message: str, history: Messages) -> Iterator[tuple[str, Messages]]:
        history = [*history, {"role": "user", "content": message}]
        history.append({"role": "assistant", "content": ""})
        for token in ["Hel", "lo ", "**wörld** ", "🙂"]:
            history[-1]["content"] += token
            time.sleep(0.01)
            yield "", history

    return app


async def test_tokens_travel_as_append_deltas_to_the_last_message() -> None:
    async with AppTester(chat_app()) as page:
        await page.input("msg", "hi")
        await page.click("respond-submit")
        assert await page.wait_status("respond", "done")
        final = page.page.values["chat"]
        assert final == [
            {"role": "user", "content": "hi"},
            {"role": "assistant", "content": "Hello **wörld** 🙂"},
        ]
        events = [e for e in page.page.applied if e.get("c") == "chat"]
        assert events[0]["t"] == "update"
        appends = [e for e in events if e["t"] == "append"]
        assert appends, "the growing message was sent whole every time"
        assert "".join(e["d"] for e in appends) in "Hello **wörld** 🙂"
        assert not page.page.dropped


async def test_history_comes_back_as_the_input_of_the_next_turn() -> None:
    async with AppTester(chat_app()) as page:
        for turn, text in enumerate(["one", "two"], start=1):
            await page.input("msg", text)
            await page.click("respond-submit")
            expected = 2 * turn
            assert await page.wait_until(
                lambda n=expected: (
                    len(page.page.values.get("chat") or []) == n  # type: ignore[misc]
                    and page.page.status.get("respond", {}).get("s") == "done"
                )
            )
        roles: list[Any] = [m["role"] for m in page.page.values["chat"]]
        assert roles == ["user", "assistant", "user", "assistant"]

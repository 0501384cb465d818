"""``rx.ChatInterface``: Gradio's chat page around one function ``fn(message, history)``.

Example::

    import time
    import reactive as gr

    def slow_echo(message, history):
        for i in range(len(message)):
            time.sleep(0.05)
            yield "You typed: " + message[: i + 1]

    gr.ChatInterface(slow_echo, type="messages").launch()

``fn`` returns the answer, or yields it growing (each yield is the whole answer so far); the page
receives only the new text of the last message. ``history`` holds the earlier messages, as
``[{"role", "content"}]`` (``type="messages"``) or ``[[user, bot], ...]`` (``"tuples"``).
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from typing import Any, Literal

from reactive.components import Button, Chatbot, Textbox
from reactive.components.base import warn_unsupported
from reactive.gradio.gradio_app import GradioApp

Messages = list[dict[str, str]]


class ChatInterface(GradioApp):
    """A chat page: the conversation, a message box, Send; ``fn(message, history)`` answers.

    Args:
        fn: returns (or yields, growing) the answer to ``message``; sync or async.
        type: the form of ``history``: ``"messages"`` or ``"tuples"``.
        chatbot, textbox: your own components for the conversation and the message box.
        examples: messages shown as a clickable table; a click sends one.
        title, description: the page's title and the Markdown under it.
        submit_btn: the Send button's label.
    """

    def __init__(
        self,
        fn: Callable[..., Any],
        *,
        type: Literal["messages", "tuples"] = "messages",
        chatbot: Chatbot | None = None,
        textbox: Textbox | None = None,
        examples: Sequence[str] | None = None,
        title: str | None = None,
        description: str | None = None,
        submit_btn: str = "Send",
        show_error: bool = False,
        **unsupported: Any,
    ) -> None:
        if unsupported:
            warn_unsupported("ChatInterface", unsupported)
        super().__init__(title or "Chat", description=description, show_error=show_error)
        self.chat_type = type
        with self.column():
            self.chatbot = chatbot or Chatbot(type=type, label="Chatbot", height=420)
            self._place(self.chatbot)
            with self.row():
                self.textbox = textbox or Textbox(
                    label="Message",
                    placeholder="Type a message…",
                    show_label=False,
                    container=False,
                    scale=7,
                )
                self._place(self.textbox)
                send = Button(submit_btn, variant="primary", scale=1)
        self.fn(
            inputs=[self.textbox, self.chatbot],
            outputs=[self.textbox, self.chatbot],
            trigger=[send, self.textbox],
            examples=list(examples) if examples else None,
            run_on_click=True,
            name=getattr(fn, "__name__", "chat"),
        )(_respond(fn, type))


def _history(history: Any, kind: str) -> Any:
    """The earlier messages as the app's function expects them."""
    messages: Messages = [dict(m) for m in Chatbot().postprocess(history)]
    if kind == "messages":
        return messages
    pairs: list[list[str | None]] = []
    for message in messages:
        if message["role"] == "user" or not pairs or pairs[-1][1] is not None:
            pairs.append([None, None])
        pairs[-1][0 if message["role"] == "user" else 1] = message["content"]
    return pairs


def _respond(fn: Callable[..., Any], kind: str) -> Callable[..., Any]:
    """A function of the same kind as ``fn`` (sync or async, generator or not) that yields
    ``("", conversation)``: the message box cleared, the question, then the growing answer."""

    def turn(message: str, history: Any) -> tuple[Messages, Any]:
        before: Messages = Chatbot().postprocess(history)
        return [*before, {"role": "user", "content": message}], _history(history, kind)

    def answered(shown: Messages, answer: Any) -> tuple[str, Messages]:
        return "", [*shown, {"role": "assistant", "content": "" if answer is None else str(answer)}]

    if inspect.isasyncgenfunction(fn) or inspect.iscoroutinefunction(fn):

        async def respond_async(message: str, history: Any) -> AsyncIterator[tuple[str, Messages]]:
            if not message.strip():
                return
            shown, earlier = turn(message, history)
            yield "", shown
            result = fn(message, earlier)
            if inspect.isasyncgen(result):
                async for answer in result:
                    yield answered(shown, answer)
            else:
                yield answered(shown, await result)

        return respond_async

    def respond(message: str, history: Any) -> Iterator[tuple[str, Messages]]:
        if not message.strip():
            return
        shown, earlier = turn(message, history)
        yield "", shown
        result = fn(message, earlier)
        if inspect.isgenerator(result):
            for answer in result:
                yield answered(shown, answer)
        else:
            yield answered(shown, result)

    return respond

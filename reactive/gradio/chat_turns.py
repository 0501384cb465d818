"""The turns of a ChatInterface: ask, retry, undo, clear, start from an example (a card).

Each bound function is of the same kind as the app's ``fn`` (sync or async; the wrappers are
generators) and yields ``(message box, conversation)``: the box cleared with the question shown
first, then the growing answer. A sync ``fn`` thus runs in a worker thread and an async one on
the loop, and a Stop or a newer question cancels it as any other run.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from typing import Any

from reactive.components.base import Component
from reactive.components.chat_history import content_parts, gradio_history
from reactive.components.chat_message import is_message
from reactive.components.chatbot import Chatbot, as_history, to_tuples
from reactive.definition.event_data import SelectData
from reactive.definition.graph import check_arity
from reactive.definition.update import skip
from reactive.errors import DefinitionError, OutputError
from reactive.gradio.chat_examples import example_message
from reactive.gradio.validation import check

Messages = list[dict[str, Any]]
Prepared = tuple[Any, Messages, Messages, tuple[Any, ...]]  # message, shown, earlier, extra

#: Stands for "no answer yet" (the question is shown first); None is an answer (an empty one).
_ASKED: Any = object()


class Turns:
    def __init__(
        self,
        fn: Callable[..., Any],
        kind: str,
        multimodal: bool,
        chatbot: Chatbot,
        *,
        validator: Callable[..., Any] | None = None,
        extra_outputs: int = 0,
    ) -> None:
        if not callable(fn):
            raise DefinitionError(
                f"ChatInterface needs a function fn(message, history), got {fn!r}."
            )
        self.fn = fn
        self.kind = kind
        self.multimodal = multimodal
        self.chatbot = chatbot
        self.is_async = inspect.iscoroutinefunction(fn) or inspect.isasyncgenfunction(fn)
        #: Checks a message before it is asked (``validator=``); a refusal is the run's error.
        self.validator = validator
        #: ``additional_outputs``: ``fn`` returns ``(answer, *their values)``.
        self.extra_outputs = extra_outputs

    def check(self, extra: int) -> None:
        check_arity(self.fn, 2 + extra)

    # ---------------------------------------------------------------- the entry points

    def respond(self) -> Callable[..., Any]:
        def prepare(message: Any, history: Any, *extra: Any) -> Prepared | None:
            if self.validator is not None:
                check(self.validator, (message,))
            return self._ask(message, as_history(history), extra)

        return self._entry(prepare)

    def retry(self) -> Callable[..., Any]:
        def prepare(history: Any, *extra: Any) -> Prepared | None:
            earlier, message = last_question(as_history(history), self.multimodal)
            return None if message is None else self._ask(message, earlier, extra)

        return self._entry(prepare)

    def example(self) -> Callable[..., Any]:
        """Asks the example card the person clicked (the event's value: the server's copy)."""

        def prepare(example: Any, history: Any, *extra: Any) -> Prepared | None:
            message = example_message(example, self.multimodal)
            return self._ask(message, as_history(history), extra)

        entry = self._entry(prepare)
        if self.is_async:

            async def ask_example_async(evt: SelectData, *args: Any) -> AsyncIterator[Any]:
                async for shown in entry(evt.value, *args):
                    yield shown

            return ask_example_async

        def ask_example(evt: SelectData, *args: Any) -> Iterator[Any]:
            yield from entry(evt.value, *args)

        return ask_example

    def fill_example(self, evt: SelectData) -> Any:
        """``run_examples_on_click=False``: a card only fills the message box."""
        return example_message(evt.value, self.multimodal)

    def undo(self, history: Any) -> tuple[Any, Messages]:
        """The last question back in the box (a multimodal one with its files, as in Gradio)."""
        earlier, message = last_question(as_history(history), self.multimodal)
        if message is None:
            return "", earlier
        return message, earlier

    def clear(self) -> tuple[str, Messages]:
        return "", []

    # ---------------------------------------------------------------- one turn

    def _ask(self, message: Any, earlier: Messages, extra: tuple[Any, ...]) -> Prepared | None:
        question = _question_messages(message, self.multimodal, self.kind != "tuples")
        if not question:
            return None
        return message, [*earlier, *question], earlier, extra

    def _history(self, earlier: Messages) -> Any:
        """``history`` as Gradio 6 gives it: each content a list of parts (or pairs)."""
        return to_tuples(earlier) if self.kind == "tuples" else gradio_history(earlier)

    def _entry(self, prepare: Callable[..., Prepared | None]) -> Callable[..., Any]:
        if self.is_async:

            async def run_async(*args: Any) -> AsyncIterator[tuple[Any, ...]]:
                prepared = prepare(*args)
                if prepared is None:
                    return
                message, shown, earlier, extra = prepared
                yield self._shown(shown, _ASKED)
                result = self.fn(message, self._history(earlier), *extra)
                if inspect.isasyncgen(result):
                    async for answer in result:
                        yield self._shown(shown, answer)
                else:
                    yield self._shown(shown, await result)

            return run_async

        def run(*args: Any) -> Iterator[tuple[Any, ...]]:
            prepared = prepare(*args)
            if prepared is None:
                return
            message, shown, earlier, extra = prepared
            yield self._shown(shown, _ASKED)
            result = self.fn(message, self._history(earlier), *extra)
            if inspect.isgenerator(result):
                for answer in result:
                    yield self._shown(shown, answer)
            else:
                yield self._shown(shown, result)

        return run

    def _shown(self, shown: Messages, answer: Any) -> tuple[Any, ...]:
        """The outputs' values: the box cleared, the conversation with ``answer`` (``_ASKED``:
        the question only) and, with ``additional_outputs``, their values (kept at first)."""
        if answer is _ASKED:
            return ("", shown, *[skip()] * self.extra_outputs)
        if not self.extra_outputs:
            return "", [*shown, *answer_messages(answer)]
        if not isinstance(answer, tuple) or len(answer) != 1 + self.extra_outputs:
            raise OutputError(
                f"{getattr(self.fn, '__name__', 'fn')}() has {self.extra_outputs} additional "
                f"output(s): return (answer, {', '.join(['value'] * self.extra_outputs)})."
            )
        return ("", [*shown, *answer_messages(answer[0])], *answer[1:])


def _question_messages(message: Any, multimodal: bool, grouped: bool) -> Messages:
    """The person's message as chat messages. Gradio 6 makes a multimodal turn one message, its
    files then its text as parts (``grouped``); Gradio's pairs had one message per file."""
    if not multimodal:
        text = "" if message is None else str(message)
        return [{"role": "user", "content": text}] if text.strip() else []
    if not isinstance(message, Mapping):
        message = {"text": str(message or ""), "files": []}
    files: list[Any] = [{"path": p} for p in message.get("files") or []]
    text = message.get("text") or ""
    texts = [text] if text.strip() else []
    if not grouped:
        return [{"role": "user", "content": part} for part in [*files, *texts]]
    if not files:
        return [{"role": "user", "content": text} for text in texts]
    return [{"role": "user", "content": [*files, *texts]}]


def answer_messages(answer: Any) -> Messages:
    """What ``fn`` returned or yielded, as assistant messages."""
    if answer is None:
        return [{"role": "assistant", "content": ""}]
    if isinstance(answer, list):
        return [m for item in answer for m in answer_messages(item)]
    if is_message(answer) and not _is_file(answer):
        role = answer.get("role") if isinstance(answer, Mapping) else answer.role
        if role is None and isinstance(answer, Mapping):
            return [{**answer, "role": "assistant"}]
        return [answer]
    if isinstance(answer, Component) or _is_file(answer) or isinstance(answer, tuple):
        return [{"role": "assistant", "content": answer}]
    return [{"role": "assistant", "content": str(answer)}]


def _is_file(value: Any) -> bool:
    return isinstance(value, Mapping) and "path" in value and "role" not in value


def last_question(history: Messages, multimodal: bool) -> tuple[Messages, Any]:
    """The history before the person's last message, and that message (None: there is none)."""
    end = len(history)
    while end > 0 and history[end - 1]["role"] != "user":
        end -= 1
    start = end
    while start > 0 and history[start - 1]["role"] == "user":
        start -= 1
    if start == end:
        return history, None
    parts = [p for m in history[start:end] for p in content_parts(m["content"])]
    text = "\n".join(p["text"] for p in parts if p["type"] == "text")
    if not multimodal:
        return history[:start], text
    files = [p["file"]["path"] for p in parts if p["type"] == "file"]
    return history[:start], {"text": text, "files": files}

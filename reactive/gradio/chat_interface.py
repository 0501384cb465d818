"""``rx.ChatInterface``: Gradio's chat page around one function ``fn(message, history, *extra)``.

Example::

    import time
    import reactive as gr

    def slow_echo(message, history):
        for i in range(len(message)):
            time.sleep(0.05)
            yield "You typed: " + message[: i + 1]

    gr.ChatInterface(slow_echo, type="messages").launch()

``fn`` returns the answer, or yields it growing (each yield is the whole answer so far); the page
receives only the new text of the last message. An answer is text, a message dict or
``rx.ChatMessage`` (thoughts with ``metadata``), a component (``rx.Image(...)``), a file, or a list
of those. ``history`` holds the earlier messages (``type="messages"``) or ``[user, bot]`` pairs.
What is supported, what differs and what is refused: ``docs/chat.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

from reactive import themes
from reactive.components import Button, Chatbot, Textbox
from reactive.components.base import Component
from reactive.components.chat_examples import clean_examples
from reactive.components.multimodal import MultimodalTextbox
from reactive.definition.graph import TriggerSpec
from reactive.errors import DefinitionError
from reactive.gradio import nesting
from reactive.gradio.chat_examples import as_cards, chat_examples, example_cards
from reactive.gradio.chat_flagging import Flagger, check_mode
from reactive.gradio.chat_turns import Turns
from reactive.gradio.gradio_app import GradioApp, accordion_of

#: Gradio arguments accepted and honoured as they are, or with no visible effect in Gradio either.
_HARMLESS = frozenset(
    {"analytics_enabled", "fill_height", "fill_width", "delete_cache", "api_name"}
)


class ChatInterface(GradioApp):
    """A chat page: the conversation, a message box and Send; ``fn(message, history)`` answers.

    Args:
        fn: returns (or yields, growing) the answer to ``message``; sync or async. With
            ``additional_inputs``, their values follow ``history`` as further arguments.
        multimodal: the message box takes files too; ``message`` is ``{"text", "files"}``.
        type: the form of ``history``: ``"messages"`` or ``"tuples"``.
        chatbot, textbox: your own components for the conversation and the message box.
        additional_inputs: components shown in an accordion ("Additional Inputs").
        additional_inputs_accordion: that accordion's label, or an ``rx.Accordion``-like object
            with ``label`` and ``open``.
        examples: messages shown as cards in the empty chat (``example_labels`` their text,
            ``example_icons`` their pictures); ``run_examples_on_click`` sends one at once, else
            it only fills the box. Rows ``[message, *values]`` that give the additional inputs
            values are a table under the chat instead.
        save_history: keep conversations in this browser (localStorage), with a list to switch.
        editable: the person may edit a message they sent; the answer is generated again.
        title, description: the page's title and the Markdown under it.
        submit_btn, stop_btn: labels (``False``: no button; Enter still sends). Stop shows while
            an answer streams and cancels its run; Retry, Undo and Clear sit above the chat.
        flagging_mode: ``"manual"`` shows ``flagging_options`` under each answer; a click adds
            a row to ``<flagging_dir>/dataset.csv``.
        additional_outputs: components ``fn`` also fills: it returns (or yields)
            ``(answer, *their values)``. Placed where they are rendered (``render=False`` and a
            later ``.render()``), else under the chat.
        show_progress: ``"hidden"`` shows no running state on the conversation.
        validator: ``validator(message)`` returns ``gr.validate(ok, text)``; a message that is
            not valid is not sent and its text is shown as the error.
        concurrency_limit: at most this many answers at once across sessions.
    """

    def __init__(
        self,
        fn: Callable[..., Any],
        *,
        multimodal: bool = False,
        type: Literal["messages", "tuples"] = "messages",
        chatbot: Chatbot | None = None,
        textbox: Textbox | MultimodalTextbox | None = None,
        additional_inputs: Component | Sequence[Component] | None = None,
        additional_inputs_accordion: Any = None,
        examples: Sequence[Any] | None = None,
        example_labels: Sequence[str] | None = None,
        example_icons: Sequence[str | None] | None = None,
        run_examples_on_click: bool = True,
        cache_examples: bool | None = None,
        title: str | None = None,
        description: str | None = None,
        theme: Any = None,
        css: str | None = None,
        submit_btn: str | bool = True,
        stop_btn: str | bool = True,
        save_history: bool = False,
        editable: bool = False,
        autofocus: bool = True,
        concurrency_limit: int | Literal["default"] | None = "default",
        show_error: bool = False,
        flagging_mode: str | None = None,
        flagging_options: Sequence[str] | None = None,
        flagging_dir: str = ".gradio/flagged",
        additional_outputs: Component | Sequence[Component] | None = None,
        show_progress: Literal["full", "minimal", "hidden"] = "minimal",
        validator: Callable[..., Any] | None = None,
        **unsupported: Any,
    ) -> None:
        host = nesting.host()  # made inside `with gr.Blocks():`: placed there
        with nesting.apart():
            _refuse(unsupported, cache_examples)
            theme = themes.resolve(theme, "ChatInterface")
            super().__init__(
                title or "Chat",
                description=description,
                show_error=show_error,
                css=css,
                theme=theme,
            )
            self.chat_type = type
            self.multimodal = multimodal
            self.chatbot = chatbot or Chatbot(type=type, label="Chatbot", height=420)
            self.textbox = _textbox(textbox, multimodal, autofocus)
            self._own_textbox = textbox is not None
            if editable and self.chatbot.editable is None:
                self.chatbot.editable = "user"
            self.additional_inputs = _as_list(additional_inputs)
            self.additional_outputs = _as_list(additional_outputs, "additional_outputs")
            if validator is not None and not callable(validator):
                raise DefinitionError(
                    f"ChatInterface validator= takes a function, got {validator!r}."
                )
            turns = Turns(fn, type, multimodal, self.chatbot, validator=validator,
                          extra_outputs=len(self.additional_outputs))  # fmt: skip
            turns.check(len(self.additional_inputs))
            limit = None if concurrency_limit == "default" else concurrency_limit
            self._build(turns, submit_btn, stop_btn, additional_inputs_accordion, limit)
            for function in self._respond_fns:
                function.shows_progress = _shows_progress(show_progress)
            flag_box = (
                self._flagging(flagging_dir, flagging_options)
                if check_mode(flagging_mode)
                else None
            )
            if examples and as_cards(examples):
                self._example_cards(turns, examples, example_labels, example_icons, limit,
                                    run_examples_on_click)  # fmt: skip
            elif examples:
                self._chat_examples(examples, example_labels, run_examples_on_click)
            self._flag_box = flag_box
            self._control_args = (stop_btn, save_history, editable)
            self.rewire()

        self.given_title = title
        #: Gradio's name for the conversation as a listener's input or output.
        self.chatbot_value = self.chatbot
        if host is not None:
            host.nest(self, self.heading())

    def heading(self) -> list[Component]:
        return nesting.heading(self.given_title, self.description)

    def rewire(self) -> None:
        """The ids the chat view's controls name (computed again once placed in a Blocks)."""
        self.chatbot.chat_controls = self._controls(*self._control_args)
        if self._flag_box is not None:
            self.chatbot.chat_controls["flag"] = self._flag_box.id

    def _build(
        self,
        turns: Turns,
        submit_btn: str | bool,
        stop_btn: str | bool,
        accordion: Any,
        limit: int | None,
    ) -> None:
        with self.column(elem_classes="rx-chat-page"):
            self._place(self.chatbot)
            with self.row(elem_classes="rx-chat-input"):
                self._place(self.textbox)
                send = None
                if isinstance(self.textbox, MultimodalTextbox):  # it has its own Send
                    if not self._own_textbox:
                        self.textbox.submit_btn = submit_btn
                elif submit_btn:
                    label = submit_btn if isinstance(submit_btn, str) else "Send"
                    send = Button(label, variant="primary", scale=0, elem_classes="rx-chat-send")
            self._retry = Button("Retry", visible=False)
            self._undo = Button("Undo", visible=False)
            self._clear = Button("Clear", visible=False)
            for hidden in (self._retry, self._undo, self._clear):
                self._place(hidden)
            if self.additional_inputs:
                label, is_open = accordion_of(accordion)
                with self.accordion(label, open=is_open):
                    for component in self.additional_inputs:
                        self._place(component)
        inputs = [self.textbox, self.chatbot, *self.additional_inputs]
        outputs = [self.textbox, self.chatbot]
        answered = [*outputs, *self.additional_outputs]  # placed where they are rendered
        triggers: list[Component] = [self.textbox] if send is None else [send, self.textbox]
        name = getattr(turns.fn, "__name__", "chat")
        self.fn(inputs, answered, trigger=triggers, name=name, concurrency_limit=limit)(
            turns.respond()
        )
        self._chat_fn = self.functions[-1]
        self._respond_fns = [self._chat_fn]
        self.fn(
            [self.chatbot, *self.additional_inputs],
            answered,
            trigger=self._retry,
            name=f"{name}_retry",
            concurrency_limit=limit,
        )(turns.retry())
        self._respond_fns.append(self.functions[-1])
        self.fn(self.chatbot, outputs, trigger=self._undo, name=f"{name}_undo")(turns.undo)
        self.fn(None, outputs, trigger=self._clear, name=f"{name}_clear")(turns.clear)

    def _chat_examples(
        self, examples: Sequence[Any], labels: Sequence[str] | None, run_on_click: bool
    ) -> None:
        defaults = [c.value for c in self.additional_inputs]
        rows = chat_examples(examples, labels, defaults, self.multimodal)
        bound = self._chat_fn  # the chat function itself: an example joins the conversation
        bound.examples = self._examples(bound, rows, run_on_click)
        if labels and bound.examples is not None:
            bound.examples.cells[:] = [
                [str(label), *row[1:]]
                for label, row in zip(labels, bound.examples.cells, strict=True)
            ]

    def _example_cards(
        self,
        turns: Turns,
        examples: Sequence[Any],
        labels: Sequence[str] | None,
        icons: Sequence[str | None] | None,
        limit: int | None,
        run_on_click: bool,
    ) -> None:
        """Examples as cards in the empty chat; a click asks one (or only fills the box)."""
        defaults = [c.value for c in self.additional_inputs]
        rows = chat_examples(examples, labels, defaults, self.multimodal)
        self.chatbot.examples = clean_examples(
            "ChatInterface", example_cards(rows, labels, icons, self.multimodal)
        )
        name = f"{self._chat_fn.id}_example"
        if run_on_click:
            inputs = [self.chatbot, *self.additional_inputs]
            answered = [self.textbox, self.chatbot, *self.additional_outputs]
            self.fn(inputs, answered, trigger=self.chatbot, name=name, concurrency_limit=limit)(
                turns.example()
            )
            self._respond_fns.append(self.functions[-1])
        else:
            self.fn(None, self.textbox, trigger=self.chatbot, name=name)(turns.fill_example)
        # The card's click is the trigger (trigger= only names the component: its change).
        self.functions[-1].triggers[:] = [TriggerSpec(self.chatbot.id, "example_select")]
        self.chatbot.listen("example_select")

    def _flagging(self, folder: str, options: Sequence[str] | None) -> Textbox:
        """A hidden box the chat view sends each flag through, and the function recording it."""
        flagger = Flagger(folder, options)
        self.chatbot.feedback_options = flagger.options
        box = Textbox(visible=False)
        self._place(box)
        self.fn([box, self.chatbot], None, trigger=box, name=f"{self._chat_fn.id}_flag")(
            flagger.flag
        )
        return box

    def _controls(self, stop_btn: str | bool, save_history: bool, editable: bool) -> dict[str, Any]:
        controls: dict[str, Any] = {
            "retry": self._retry.id,
            "undo": self._undo.id,
            "clear": self._clear.id,
            "input": self.textbox.id,
            "multimodal": self.multimodal,
        }
        if stop_btn:
            controls["stop"] = [function.id for function in self._respond_fns]
            controls["stop_label"] = stop_btn if isinstance(stop_btn, str) else "Stop"
        if save_history:
            controls["save_history"] = True
        if editable:
            controls["resubmit"] = True
        return controls


def _refuse(unsupported: dict[str, Any], cache_examples: bool | None) -> None:
    refused = sorted(set(unsupported) - _HARMLESS)
    if cache_examples not in (None, False):
        refused.append("cache_examples")
    if refused:
        raise DefinitionError(
            f"ChatInterface does not support {', '.join(refused)}; remove "
            f"{'it' if len(refused) == 1 else 'them'} (docs/chat.md lists what is supported)."
        )


def _textbox(
    textbox: Textbox | MultimodalTextbox | None, multimodal: bool, autofocus: bool
) -> Textbox | MultimodalTextbox:
    if textbox is not None:
        if multimodal != isinstance(textbox, MultimodalTextbox):
            want = "an rx.MultimodalTextbox" if multimodal else "an rx.Textbox"
            raise DefinitionError(f"ChatInterface(multimodal={multimodal}) needs textbox= {want}.")
        textbox.show_label, textbox.container, textbox.scale = False, False, 7
        return textbox
    if multimodal:
        return MultimodalTextbox(
            placeholder="Type a message or attach files…",
            show_label=False,
            container=False,
            scale=7,
            autofocus=autofocus,
            submit_btn=False,
            file_count="multiple",
        )
    return Textbox(
        label="Message",
        placeholder="Type a message…",
        show_label=False,
        container=False,
        scale=7,
        autofocus=autofocus,
    )


def _as_list(
    components: Component | Sequence[Component] | None, what: str = "additional_inputs"
) -> list[Component]:
    if components is None:
        return []
    items = [components] if isinstance(components, Component) else list(components)
    for item in items:
        if not isinstance(item, Component):
            raise DefinitionError(
                f"ChatInterface {what} are components (rx.Slider(...)), got {item!r}."
            )
    return items


def _shows_progress(show_progress: str) -> bool:
    if show_progress not in ("full", "minimal", "hidden"):
        raise DefinitionError(
            f"ChatInterface show_progress is 'full', 'minimal' or 'hidden', got {show_progress!r}."
        )
    return show_progress != "hidden"

"""Chatbot: a conversation in Gradio's messages format, streamed token by token.

Messages are ``{"role", "content", "metadata"?, "options"?}`` dicts or ``rx.ChatMessage`` (see
``chat_message``); content is Markdown text, a file or a component (``chat_content``). Gradio's
older format, a list of ``[user, bot]`` pairs, is accepted too. When a generator only grows the
last message's text, the page receives only the new text (an ``append`` delta), whatever the
message's metadata.

Page events (like, edit) are sent only for the kinds :meth:`Chatbot.listen` was given, which the
event listeners (``chatbot.like(fn)``) fill in; the payloads are in ``docs/chat.md``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Literal

from reactive.components.base import Component
from reactive.components.chat_content import content_from_page, content_to_wire
from reactive.components.chat_examples import clean_examples, example_select_data, examples_wire
from reactive.components.chat_history import WireMessage, as_history, gradio_history, to_tuples
from reactive.components.chat_message import (
    ChatMessage,
    MessageDict,
    check_role,
    clean_metadata,
    clean_options,
    field_of,
    is_message,
)
from reactive.components.image import image_wire
from reactive.components.reasoning import check_tags, split_reasoning
from reactive.errors import DefinitionError, OutputError

#: Gradio's names for a message, as ``from gradio.components.chatbot import ...`` imports them.
__all__ = [
    "DEFAULT_FEEDBACK", "EDITABLE", "PAGE_EVENTS", "ChatMessage", "Chatbot", "Message",
    "MessageDict", "WireMessage", "as_history", "to_tuples",
]  # fmt: skip
Message = ChatMessage
EDITABLE = (None, "user", "all")
DEFAULT_FEEDBACK = ("Like", "Dislike")
#: The page events a chat view reports (payloads in docs/chat.md).
PAGE_EVENTS = ("like", "edit", "option_select", "example_select", "retry", "undo")


class Chatbot(Component):
    """Shows a conversation. As an input, the function receives the history it last returned
    (or, after the person edited it, the edited one)."""

    type = "chatbot"
    example_column: ClassVar[bool] = False  # examples are messages, never a whole conversation
    #: What ``rx.update`` may change (each travels as the prop of the same name).
    updatable: ClassVar[frozenset[str]] = frozenset(
        {"placeholder", "height", "min_height", "max_height", "feedback_value",
         "feedback_options", "editable", "layout", "rtl", "render_markdown", "autoscroll",
         "resizable", "show_copy_button", "show_copy_all_button"}
    )  # fmt: skip

    def __init__(
        self,
        value: Any = None,
        *,
        type: Literal["messages", "tuples"] = "messages",
        label: str | None = None,
        height: int | str | None = 400,
        min_height: int | str | None = None,
        max_height: int | str | None = None,
        placeholder: str | None = None,
        avatar_images: Sequence[Any] | None = None,
        show_copy_button: bool = False,
        show_copy_all_button: bool = False,
        feedback_options: Sequence[str] | None = DEFAULT_FEEDBACK,
        feedback_value: Sequence[str | None] | None = None,
        editable: Literal["user", "all"] | None = None,
        reasoning_tags: Sequence[Sequence[str]] | None = None,
        render_markdown: bool = True,
        rtl: bool = False,
        autoscroll: bool = True,
        resizable: bool = True,
        layout: Literal["bubble", "panel"] | None = None,
        examples: Sequence[Mapping[str, Any]] | None = None,
        buttons: Sequence[Any] | None = None,
        like_user_message: bool = False,
        **kwargs: Any,
    ) -> None:
        if type not in ("messages", "tuples"):
            raise DefinitionError(f"Chatbot type must be 'messages' or 'tuples', got {type!r}.")
        if editable not in EDITABLE:
            raise DefinitionError(f"Chatbot editable is None, 'user' or 'all', got {editable!r}.")
        if layout not in (None, "bubble", "panel"):
            raise DefinitionError(f"Chatbot layout is 'bubble' or 'panel', got {layout!r}.")
        if avatar_images is not None and len(avatar_images) != 2:
            raise DefinitionError("Chatbot avatar_images is a pair: (user image, assistant image).")
        self.chat_type = type
        self.height, self.min_height, self.max_height = height, min_height, max_height
        self.placeholder = placeholder
        self.avatar_images = tuple(avatar_images) if avatar_images is not None else None
        self.show_copy_button = show_copy_button
        self.show_copy_all_button = show_copy_all_button
        if buttons is not None:  # Gradio 6's name for the copy buttons
            self.show_copy_button, self.show_copy_all_button = _copy_buttons(buttons)
        #: Feedback buttons under the person's messages too (Gradio's like_user_message).
        self.like_user_message = like_user_message
        self.feedback_options = tuple(feedback_options or ())
        self.feedback_value = _feedback_value(feedback_value, DefinitionError)
        self.editable = editable
        self.reasoning_tags = check_tags(reasoning_tags)
        self.render_markdown, self.rtl, self.autoscroll = render_markdown, rtl, autoscroll
        self.resizable = resizable
        self.layout = layout
        #: Example messages shown while empty; the server's copy fills example_select's value.
        self.examples = clean_examples("Chatbot", examples)
        #: Page events with a listener ("like", "edit"); only these travel to the server.
        self.listening: set[str] = set()
        #: Set by ChatInterface: what its chat view may do (examples, stop, retry, history).
        self.chat_controls: dict[str, Any] | None = None
        super().__init__(value, label=label, **kwargs)

    def set_prop(self, name: str, value: Any) -> None:
        if name == "feedback_value":
            value = _feedback_value(value)
        elif name == "feedback_options":
            value = tuple(value or ())
        elif name == "editable" and value not in EDITABLE:
            raise OutputError(f"Chatbot editable is None, 'user' or 'all', got {value!r}.")
        elif name == "layout" and value not in (None, "bubble", "panel"):
            raise OutputError(f"Chatbot layout is 'bubble' or 'panel', got {value!r}.")
        super().set_prop(name, value)

    def listen(self, kind: str) -> None:
        """Have the page send ``kind`` events (a listener, e.g. ``chatbot.like(fn)``, was added)."""
        if kind not in PAGE_EVENTS:
            raise DefinitionError(
                f"Chatbot has no {kind!r} page event; it has {', '.join(PAGE_EVENTS)}."
            )
        self.listening.add(kind)

    def extra_props(self) -> dict[str, Any]:
        props: dict[str, Any] = {
            "height": self.height,
            "min_height": self.min_height,
            "max_height": self.max_height,
            "placeholder": self.placeholder,
            "show_copy_button": self.show_copy_button or None,
            "show_copy_all_button": self.show_copy_all_button or None,
            "likeable": self._feedback or None,
            "feedback_options": list(self.feedback_options) if self._feedback else None,
            "feedback_value": self.feedback_value,
            "like_user_message": (self.like_user_message and self._feedback) or None,
            "editable": self.editable,
            "render_markdown": None if self.render_markdown else False,
            "rtl": self.rtl or None,
            "autoscroll": None if self.autoscroll else False,
            "resizable": None if self.resizable else False,
            "layout": self.layout,
            "events": sorted(self.listening) or None,
            "avatars": self._avatars(),
            "chat": self.chat_controls,
            "examples": self._examples_wire(),
        }
        return {k: v for k, v in props.items() if v is not None}

    @property
    def _feedback(self) -> bool:
        """Feedback buttons show once a like listener or a ChatInterface's flagging wants them."""
        return "like" in self.listening or bool(self.chat_controls and "flag" in self.chat_controls)

    def _examples_wire(self) -> list[dict[str, Any]] | None:
        if not self.examples:
            return None
        return examples_wire(self, self.examples, lambda p: image_wire(self, p, "auto", 85))

    def trigger_data(self, event: str, data: Any) -> Any:
        if event == "example_select":
            return example_select_data(self, self.examples, data)
        if event == "option_select":
            return _option_data(self, data)
        if event in ("retry", "undo"):
            return _turn_data(self, event, data)
        return data

    def _avatars(self) -> list[Any] | None:
        if self.avatar_images is None:
            return None
        return [None if a is None else image_wire(self, a, "auto", 85) for a in self.avatar_images]

    def initial_python_value(self) -> Any:
        return [] if self.value is None else self.value

    def gradio_value(self, value: Any) -> Any:
        """Gradio 6 round-trips a history through the page: each content is a list of parts
        (``[{"type": "text", "text": ...}]``), even text the app wrote as a string."""
        return value if self.chat_type == "tuples" else gradio_history(value)

    # ---------------------------------------------------------------- to the page

    def postprocess(self, value: Any) -> list[WireMessage]:
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            raise OutputError(
                f"{self!r} shows a list of messages {{role, content}}; got {type(value).__name__}."
            )
        messages: list[WireMessage] = []
        for item in value:
            for message in self._messages(item):
                messages.extend(split_reasoning(message, self.reasoning_tags))
        return messages

    def _messages(self, item: Any) -> list[WireMessage]:
        if is_message(item):
            return [self._message(item)]  # a list of parts stays one message (its index)
        if isinstance(item, list | tuple) and len(item) == 2:
            pair = [("user", item[0]), ("assistant", item[1])]
            return [
                {"role": r, "content": content_to_wire(self, c)} for r, c in pair if c is not None
            ]
        raise OutputError(
            f"{self!r}: each message is a dict {{role, content}}, an rx.ChatMessage or a "
            f"[user, bot] pair; got {item!r:.60}."
        )

    def _message(self, item: Any) -> WireMessage:
        role = check_role(repr(self), field_of(item, "role"))
        message: WireMessage = {
            "role": role,
            "content": content_to_wire(self, field_of(item, "content")),
        }
        metadata = clean_metadata(repr(self), field_of(item, "metadata"))
        if metadata is not None:
            message["metadata"] = metadata
        options = clean_options(repr(self), field_of(item, "options"))
        if options is not None:
            message["options"] = options
        return message

    def stream_parts(self, wire: Any) -> tuple[Any, str] | None:
        """Only the last message's text may grow by deltas; the rest (its role and metadata
        among them) must stay the same."""
        if not isinstance(wire, list) or not wire or not isinstance(wire[-1]["content"], str):
            return None
        last = wire[-1]
        return ([*wire[:-1], {**last, "content": None}], last["content"])

    # ---------------------------------------------------------------- from the page

    @property
    def saves_uploads(self) -> bool:
        return True  # an edited history's files are written to the session's folder

    def preprocess(self, value: Any) -> Any:
        """An edited or restored history from the page, in the chatbot's ``type``."""
        if not isinstance(value, list):
            raise self.invalid("expected a list of messages.")
        messages = [self._from_page(m) for m in value]
        return to_tuples(messages) if self.chat_type == "tuples" else messages

    def _from_page(self, item: Any) -> WireMessage:
        if not isinstance(item, Mapping) or item.get("role") not in ("user", "assistant", "system"):
            raise self.invalid("each message is a map with a role: user, assistant or system.")
        message: WireMessage = {
            "role": item["role"],
            "content": content_from_page(self, item.get("content")),
        }
        try:
            metadata = clean_metadata(repr(self), item.get("metadata"))
            options = clean_options(repr(self), item.get("options"))
        except OutputError as exc:
            raise self.invalid(str(exc)) from None
        if metadata is not None:
            message["metadata"] = metadata
        if options is not None:
            message["options"] = options
        return message


def _turn_data(owner: Chatbot, event: str, data: Any) -> dict[str, Any]:
    """Retry's or Undo's event: the index of the user message it names, and its content."""
    index = data.get("index") if isinstance(data, Mapping) else None
    if not isinstance(index, int) or isinstance(index, bool) or index < 0:
        raise owner.invalid(f"{event} data is {{index: int, value}}, got {data!r:.60}.")
    return {"index": index, "value": data.get("value")}


def _option_data(owner: Chatbot, data: Any) -> dict[str, Any]:
    """An option button's event: the message's index and the option's value (text)."""
    index = data.get("index") if isinstance(data, Mapping) else None
    value = data.get("value") if isinstance(data, Mapping) else None
    if not isinstance(index, int) or isinstance(index, bool) or not isinstance(value, str):
        raise owner.invalid(f"option_select data is {{index: int, value: str}}, got {data!r:.60}.")
    return {"index": index, "value": value}


def _copy_buttons(buttons: Sequence[Any]) -> tuple[bool, bool]:
    """Gradio 6's ``buttons=["copy", "copy_all", "share"]``: (per message, whole chat). "share"
    (to Hugging Face Spaces) has no meaning here and draws nothing."""
    names = [b for b in buttons if isinstance(b, str)]
    unknown = sorted(set(names) - {"copy", "copy_all", "share"})
    if unknown or len(names) < len(buttons):
        raise DefinitionError(
            f"Chatbot buttons are 'copy', 'copy_all' and 'share', got {list(buttons)!r:.80}; "
            f"reactive draws no custom gr.Button in the chat's toolbar."
        )
    return "copy" in names, "copy_all" in names


def _feedback_value(
    value: Any, error: type[DefinitionError | OutputError] = OutputError
) -> list[str | None] | None:
    """Gradio's ``feedback_value``: per answer (consecutive assistant messages), in order, the
    feedback given (``"Like"``, ``"Dislike"``, another option) or None."""
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise error(f"Chatbot feedback_value is a list (one per answer), got {value!r:.60}.")
    return [None if v is None else str(v) for v in value]

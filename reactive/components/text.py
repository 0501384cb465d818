"""Text components: Textbox (input), Text, Markdown and HTML (display)."""

from __future__ import annotations

from typing import Any, ClassVar, Literal, Self, cast

from reactive.components import listeners
from reactive.components.base import Component, require_type
from reactive.errors import DefinitionError


def as_text(value: Any) -> str:
    """What a text output shows for any result: None is empty, everything else ``str()``."""
    return "" if value is None else value if isinstance(value, str) else str(value)


class Textbox(Component):
    """A one-line or multi-line text field. The function receives a ``str``."""

    type = "textbox"
    text_like = True
    updatable: ClassVar[frozenset[str]] = frozenset(
        {"placeholder", "lines", "max_lines", "max_length", "type"}
    )

    def __init__(
        self,
        value: str | None = "",
        *,
        label: str | None = None,
        placeholder: str | None = None,
        lines: int = 1,
        max_lines: int | None = None,
        max_length: int | None = None,
        type: Literal["text", "password", "email"] = "text",
        autofocus: bool = False,
        show_copy_button: bool = False,
        text_align: Literal["left", "right"] | None = None,
        rtl: bool = False,
        autoscroll: bool = True,
        **kwargs: Any,
    ) -> None:
        if text_align not in (None, "left", "right"):
            raise DefinitionError(f"Textbox text_align must be 'left' or 'right': {text_align!r}.")
        if lines < 1:
            raise DefinitionError(f"Textbox lines must be at least 1, got {lines}.")
        if type not in ("text", "password", "email"):
            raise DefinitionError(f"Textbox type must be 'text', 'password' or 'email': {type!r}.")
        super().__init__("" if value is None else value, label=label, **kwargs)
        self.placeholder = placeholder
        self.lines = lines
        self.max_lines = max_lines
        self.max_length = max_length
        self.input_type = type
        self.autofocus = autofocus
        self.show_copy_button = show_copy_button
        self.text_align, self.rtl, self.autoscroll = text_align, rtl, autoscroll

    def set_prop(self, name: str, value: Any) -> None:
        super().set_prop("input_type" if name == "type" else name, value)

    def extra_props(self) -> dict[str, Any]:
        return {
            "placeholder": self.placeholder,
            "lines": self.lines,
            "max_lines": self.max_lines,
            "max_length": self.max_length,
            "type": self.input_type,
            "autofocus": self.autofocus or None,
            "show_copy_button": self.show_copy_button or None,
            "text_align": self.text_align,
            "rtl": self.rtl or None,
            "autoscroll": None if self.autoscroll else False,
        }

    def initial_python_value(self) -> str:
        return as_text(self.value)

    def preprocess(self, value: Any) -> str:
        require_type(self, value, (str,), "text")
        if self.max_length is not None and len(value) > self.max_length:
            raise self.invalid(
                f"text is {len(value)} characters, over the limit {self.max_length}."
            )
        return str(value)

    def postprocess(self, value: Any) -> str:
        return as_text(value)


class Text(Component):
    """Plain text shown as is (line breaks kept). Grows by deltas when a generator extends it.

    Inside ``with gr.Blocks():`` it is Gradio's ``gr.Text``, a :class:`Textbox`.
    """

    type = "text"
    text_like = True
    accepts_input: ClassVar[bool] = False

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        if cls is Text and listeners.active() is not None:  # Gradio's gr.Text, in a Blocks
            return cast(Self, Textbox(*args, **kwargs))
        return super().__new__(cls, *args, **kwargs)

    def __init__(self, value: str = "", *, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(value, label=label, **kwargs)

    def initial_python_value(self) -> str:
        return as_text(self.value)

    def postprocess(self, value: Any) -> str:
        return as_text(value)


class Markdown(Text):
    """Markdown rendered in the page (sanitized HTML); code blocks keep their formatting."""

    type = "markdown"


class HTML(Text):
    """HTML shown in the page, sanitized (no scripts, no event handlers)."""

    type = "html"

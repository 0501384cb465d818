"""Text components: Textbox (input), Text and Markdown (display)."""

from __future__ import annotations

from typing import Any, ClassVar

from reactive.components.base import Component, require_type
from reactive.errors import DefinitionError


def as_text(value: Any) -> str:
    """What a text output shows for any result: None is empty, everything else ``str()``."""
    return "" if value is None else value if isinstance(value, str) else str(value)


class Textbox(Component):
    """A one-line or multi-line text field. The function receives a ``str``."""

    type = "textbox"
    text_like = True

    def __init__(
        self,
        value: str = "",
        *,
        label: str | None = None,
        placeholder: str | None = None,
        lines: int = 1,
        max_length: int | None = None,
        **kwargs: Any,
    ) -> None:
        if lines < 1:
            raise DefinitionError(f"Textbox lines must be at least 1, got {lines}.")
        super().__init__(value, label=label, **kwargs)
        self.placeholder = placeholder
        self.lines = lines
        self.max_length = max_length

    def extra_props(self) -> dict[str, Any]:
        return {"placeholder": self.placeholder, "lines": self.lines, "max_length": self.max_length}

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
    """Plain text shown as is (line breaks kept). Grows by deltas when a generator extends it."""

    type = "text"
    text_like = True
    accepts_input: ClassVar[bool] = False

    def __init__(self, value: str = "", *, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(value, label=label, **kwargs)

    def initial_python_value(self) -> str:
        return as_text(self.value)

    def postprocess(self, value: Any) -> str:
        return as_text(value)


class Markdown(Text):
    """Markdown rendered in the page (sanitized HTML)."""

    type = "markdown"

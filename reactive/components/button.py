"""Button: a trigger. As an input, it gives its label."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from reactive.components.base import Component, warn_unsupported
from reactive.errors import DefinitionError

Variant = Literal["primary", "secondary", "stop"]


class Button(Component):
    """A button that runs the functions it triggers when clicked."""

    type = "button"
    updatable: ClassVar[frozenset[str]] = frozenset({"variant"})

    def __init__(self, value: str = "Run", *, variant: Variant = "primary", **kwargs: Any) -> None:
        if variant == "huggingface":  # type: ignore[comparison-overlap]
            warn_unsupported("Button", {"variant='huggingface'": variant})
            variant = "secondary"
        if variant not in ("primary", "secondary", "stop"):
            raise DefinitionError(
                f"Button variant must be 'primary', 'secondary' or 'stop', got {variant!r}."
            )
        super().__init__(value, **kwargs)
        self.variant = variant

    def extra_props(self) -> dict[str, Any]:
        return {"variant": self.variant}

    def preprocess(self, value: Any) -> str:
        raise self.invalid("a button has no value to set; click it instead.")

    def postprocess(self, value: Any) -> str:
        return str(value)

"""The component base class: props for the page, page values in, function results out."""

from __future__ import annotations

from typing import Any, ClassVar

from reactive.errors import DefinitionError, InvalidValue


class Component:
    """A piece of the page that can be a function's input, output, or trigger.

    Subclasses set ``type`` (the client's view name) and override :meth:`preprocess` (a value from
    the page → what the function receives) and :meth:`postprocess` (what the function returned →
    the value sent to the page).
    """

    type: ClassVar[str] = "component"
    #: Accepts values from the page (and so can be a function input the user edits).
    accepts_input: ClassVar[bool] = True
    #: Its text may grow by append deltas instead of full values.
    text_like: ClassVar[bool] = False
    #: postprocess is costly (image encoding): run it in a thread, only for values really sent.
    heavy_postprocess: ClassVar[bool] = False

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        visible: bool = True,
        interactive: bool | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
    ) -> None:
        self.value = value
        self.label = label
        self.info = info
        self.visible = visible
        self.interactive = interactive
        self.elem_id = elem_id
        self.elem_classes = [elem_classes] if isinstance(elem_classes, str) else elem_classes
        self._id: str | None = elem_id

    # ---------------------------------------------------------------- identity

    @property
    def id(self) -> str:
        if self._id is None:
            raise DefinitionError(
                f"{self!r} is not part of an app yet: use it in @app.fn(...) before asking its id."
            )
        return self._id

    @property
    def has_id(self) -> bool:
        return self._id is not None

    def assign_id(self, component_id: str) -> None:
        self._id = component_id

    def __repr__(self) -> str:
        name = type(self).__name__
        if self._id is not None:
            return f"{name}(id={self._id!r})"
        return f"{name}(label={self.label!r})" if self.label else f"{name}()"

    # ---------------------------------------------------------------- page protocol

    def props(self) -> dict[str, Any]:
        """Everything the client needs to draw the component (docs/protocol.md)."""
        return {
            "label": self.label,
            "info": self.info,
            "visible": self.visible,
            "interactive": self.interactive,
            "elem_classes": self.elem_classes,
            "value": self.initial_wire_value(),
            **self.extra_props(),
        }

    def extra_props(self) -> dict[str, Any]:
        return {}

    def initial_wire_value(self) -> Any:
        return None if self.value is None else self.postprocess(self.value)

    def initial_python_value(self) -> Any:
        """What a function receives for this input before the user touched it."""
        return self.value

    def preprocess(self, value: Any) -> Any:
        """Check a value from the page and turn it into what the function receives."""
        return value

    def postprocess(self, value: Any) -> Any:
        """Turn a function's result into the value sent to the page."""
        return value

    def check_output(self, value: Any) -> None:
        """Cheap check of a result whose postprocess is deferred (``heavy_postprocess``)."""

    # ---------------------------------------------------------------- helpers for subclasses

    def invalid(self, message: str) -> InvalidValue:
        who = self.label or self._id or type(self).__name__
        return InvalidValue(f"{who}: {message}")


def require_type(component: Component, value: Any, kinds: tuple[type, ...], what: str) -> None:
    """Raise InvalidValue unless ``value`` is one of ``kinds`` (bool never counts as a number)."""
    if isinstance(value, bool) and bool not in kinds:
        raise component.invalid(f"expected {what}, got a boolean.")
    if not isinstance(value, kinds):
        raise component.invalid(f"expected {what}, got {type(value).__name__}.")

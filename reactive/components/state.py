"""rx.State: a value kept per session, never shown on the page."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, ClassVar

from reactive.components.base import Component
from reactive.errors import DefinitionError


class State(Component):
    """A per-session value: an input gives the function the session's value, an output sets it.

    Every session starts from a deep copy of ``value`` (or from ``value()``, when it is callable),
    so sessions never share a mutable default.
    """

    type = "state"
    on_page: ClassVar[bool] = False
    keeps_callable_value: ClassVar[bool] = True

    def __init__(
        self,
        value: Any = None,
        *,
        delete_callback: Callable[[Any], Any] | None = None,
        **kwargs: Any,
    ) -> None:
        if delete_callback is not None and not callable(delete_callback):
            raise DefinitionError(
                f"State delete_callback takes a function, got {delete_callback!r}."
            )
        super().__init__(value, **kwargs)
        #: Called with the session's value when its session ends (Gradio's delete_callback).
        self.delete_callback = delete_callback

    def initial_python_value(self) -> Any:
        if callable(self.value):
            factory: Callable[[], Any] = self.value
            return factory()
        return copy.deepcopy(self.value)

    def initial_wire_value(self) -> Any:
        return None

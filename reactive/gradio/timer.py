"""``gr.Timer``: runs its ``.tick`` listeners every ``value`` seconds while the page is open.

Example::

    with gr.Blocks() as demo:
        clock = gr.Textbox()
        gr.Timer(1).tick(lambda: time.strftime("%X"), None, clock)

Each tick listener is a reactive function with ``every=value`` (a tick while the previous run
is busy is skipped). A timer is also an output: a listener returning ``gr.Timer(active=False)``
stops it for that session, ``gr.Timer(active=True)`` starts it again, and a number changes its
interval; ``gr.Timer(1, active=False)`` starts stopped.
"""

from __future__ import annotations

from typing import Any, ClassVar

from reactive.components.base import Component
from reactive.components.listeners import NOT_SET
from reactive.errors import DefinitionError, OutputError


class Timer(Component):
    """A clock that is not drawn: ``timer.tick(fn, inputs, outputs)`` every ``value`` seconds."""

    type = "timer"
    on_page: ClassVar[bool] = False
    updatable: ClassVar[frozenset[str]] = frozenset({"active"})

    def __init__(self, value: float = 1.0, *, active: bool = True, **kwargs: Any) -> None:
        if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
            raise DefinitionError(
                f"gr.Timer(value) takes a positive number of seconds, got {value!r}."
            )
        super().__init__(float(value), **kwargs)
        self.active = bool(active)

    def set_prop(self, name: str, value: Any) -> None:
        super().set_prop(name, bool(value) if name == "active" else value)

    def preprocess(self, value: Any) -> float:
        return self.postprocess(value)

    def postprocess(self, value: Any) -> float:
        """A new interval, in seconds (a listener returning ``0.2`` speeds the timer up)."""
        if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
            raise OutputError(f"{self!r} takes a positive number of seconds, got {value!r}.")
        return float(value)

    def tick(self, fn: Any = NOT_SET, inputs: Any = None, outputs: Any = None, **kw: Any) -> Any:
        """Run ``fn`` every ``value`` seconds (Gradio's ``Timer.tick``)."""
        from reactive.components import listeners

        target = listeners.active()
        if target is None:
            raise DefinitionError("timer.tick(...) must be called inside `with gr.Blocks():`.")
        arguments = {"inputs": inputs, "outputs": outputs, **kw, "every": self}
        return target.listen([], fn, {**arguments, "timer_tick": True})

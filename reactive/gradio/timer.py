"""``gr.Timer``: runs its ``.tick`` listeners every ``value`` seconds while the page is open.

Example::

    with gr.Blocks() as demo:
        clock = gr.Textbox()
        gr.Timer(1).tick(lambda: time.strftime("%X"), None, clock)

Each tick listener is a reactive function with ``every=value`` (a tick while the previous run
is busy is skipped). Starting and stopping a timer from a listener (``gr.Timer(active=...)`` as
an output) is not supported and is refused at definition.
"""

from __future__ import annotations

from typing import Any, ClassVar

from reactive.components.base import Component
from reactive.components.listeners import NOT_SET
from reactive.errors import DefinitionError


class Timer(Component):
    """A clock that is not drawn: ``timer.tick(fn, inputs, outputs)`` every ``value`` seconds."""

    type = "timer"
    on_page: ClassVar[bool] = False

    def __init__(self, value: float = 1.0, *, active: bool = True, **kwargs: Any) -> None:
        if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
            raise DefinitionError(
                f"gr.Timer(value) takes a positive number of seconds, got {value!r}."
            )
        if not active:
            raise DefinitionError(
                "gr.Timer(active=False) is not supported: a timer runs while the page is open, "
                "and cannot be started from a listener. Leave active out."
            )
        super().__init__(float(value), **kwargs)

    def tick(self, fn: Any = NOT_SET, inputs: Any = None, outputs: Any = None, **kw: Any) -> Any:
        """Run ``fn`` every ``value`` seconds (Gradio's ``Timer.tick``)."""
        from reactive.components import listeners

        target = listeners.active()
        if target is None:
            raise DefinitionError("timer.tick(...) must be called inside `with gr.Blocks():`.")
        arguments = {"inputs": inputs, "outputs": outputs, **kw, "every": self.value}
        return target.listen([], fn, {**arguments, "timer_tick": True})

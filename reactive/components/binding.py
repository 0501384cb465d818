"""A function a component brings with it (an Examples' ``fn``, a Gradio value function)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reactive.components.base import Component


@dataclass(frozen=True, slots=True)
class Binding:
    """Bound by the app when it places the component, as ``@app.fn`` would bind it.

    ``trigger``: a component or ``"load"``; ``live``: also on every change of ``inputs``;
    ``every``: also every so many seconds, or as a ``gr.Timer`` paces it.
    """

    fn: Callable[..., Any]
    inputs: list[Component]
    outputs: list[Component]
    trigger: Component | str
    live: bool = False
    every: Any = None

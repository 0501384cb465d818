"""``rx.update(...)``: return it instead of a value to change an output's properties.

Example::

    @app.fn(inputs=rx.Checkbox(), outputs=rx.Dropdown(["a"]), live=True)
    def more(wide):
        return rx.update(choices=["a", "b", "c"] if wide else ["a"], visible=True)

Each component says which properties it takes (``label``, ``visible``, ``interactive``, ``info``,
``value`` and its own, like a dropdown's ``choices``); an unknown name is an error on the outputs.
The change holds for the session that received it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class PropUpdate:
    """New properties for one output; ``value`` among them sets the value too."""

    props: dict[str, Any] = field(default_factory=dict)

    @property
    def has_value(self) -> bool:
        return "value" in self.props


def update(**props: Any) -> PropUpdate:
    """Change an output's properties (and value, with ``value=``) instead of only its value."""
    props.pop("__type__", None)  # Gradio's dict form
    return PropUpdate(props)


def skip() -> PropUpdate:
    """Leave an output as it is (Gradio's ``gr.skip()``): no new value, no new properties."""
    return PropUpdate({})

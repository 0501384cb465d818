"""A parameter annotated with a component class (``def f(x: gr.Number)``), as in Gradio.

Gradio passes such a parameter the input's properties with its value (``x.value``,
``x.maximum``), and a function may change them and return the object to update the component.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from reactive.components.base import COMMON_PROPS, Component


class ComponentProps(SimpleNamespace):
    """One input's properties and value, as the function receives them."""


def props_of(component: Component, value: Any) -> ComponentProps:
    """The namespace a component-annotated parameter receives: public attributes and value."""
    public = {k: v for k, v in vars(component).items() if not k.startswith("_")}
    # Gradio's ``type=`` ("filepath", "pil", ...) is kept under another name by some components
    kind = next((v for k, v in public.items() if k.endswith("_type") and isinstance(v, str)), None)
    return ComponentProps(**(public | {"type": kind or component.type, "value": value}))


def changes_of(component: Component, returned: ComponentProps) -> dict[str, Any]:
    """What a returned namespace changes: the value, and each updatable property that differs."""
    updatable = (COMMON_PROPS | component.updatable) - {"value"}
    now = vars(returned)
    changes = {k: v for k, v in now.items() if k in updatable and getattr(component, k, v) != v}
    return {**changes, "value": now.get("value")}

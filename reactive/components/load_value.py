"""A callable ``value=`` (``gr.Textbox(value=time.ctime)``): called each time a page opens.

Gradio evaluates such a value on every page load. A component's ``__init__`` then sees its
default value instead (its checks never meet a function) and keeps the callable as
``load_value``; the app binds it as a function of page load whose output is the component
(``definition/app.py``).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any


def defers_callable_value(init: Callable[..., None]) -> Callable[..., None]:
    """Wrap a component's ``__init__`` so a callable ``value`` is kept, not checked."""
    try:
        signature = inspect.signature(init)
    except (TypeError, ValueError):
        return init
    if "value" not in signature.parameters:
        return init
    extra = next((p.name for p in signature.parameters.values() if p.kind is p.VAR_KEYWORD), None)

    @functools.wraps(init)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> None:
        if not type(self).calls_value_on_load:
            return init(self, *args, **kwargs)
        bound = signature.bind_partial(self, *args, **kwargs)
        value = bound.arguments.get("value")
        if not callable(value) or isinstance(value, type):
            return init(self, *args, **kwargs)
        default = signature.parameters["value"].default
        bound.arguments["value"] = None if default is inspect.Parameter.empty else default
        every = bound.arguments.get(extra, {}).pop("every", None) if extra else None
        self.load_value = value  # before init: placing the component binds it
        self.load_every = every
        init(*bound.args, **bound.kwargs)
        return None

    wrapper.defers_callable = True  # type: ignore[attr-defined]  # wrapped once per class
    return wrapper

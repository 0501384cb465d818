"""How a listener's parameters are filled when it is not simply one input per parameter.

Gradio lets a function ask for event data (``evt: gr.SelectData``) and the request
(``request: gr.Request``) by annotation, and take its inputs as one dict (``inputs={a, b}``).
:func:`plan_for` reads the signature once, at definition; a function that needs none of this
gets no plan, so its calls pay nothing.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reactive.components.base import Component
from reactive.definition.event_data import EventData, Request, RequestInfo
from reactive.errors import DefinitionError

_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
_INJECTED_NAMES = {
    "EventData", "SelectData", "LikeData", "EditData", "KeyUpData", "DeletedFileData", "Request",
}  # fmt: skip

#: One positional parameter: an input's index, or the kind of object injected there.
Slot = int | type[EventData] | type[Request]


@dataclass(frozen=True, slots=True)
class Fired:
    """The trigger of a run, kept only for functions whose plan injects event data."""

    target: Component | None
    event: str
    data: Any


@dataclass(frozen=True, slots=True)
class ArgumentPlan:
    """Where each positional parameter's argument comes from."""

    slots: tuple[Slot, ...]
    dict_keys: tuple[Component, ...] | None  # inputs given as a set: one dict argument

    def build(
        self, values: tuple[Any, ...], fired: Fired | None, request: RequestInfo, session: str
    ) -> tuple[Any, ...]:
        """The call's arguments from the inputs' values, the trigger and the request."""
        if self.dict_keys is not None:
            values = (dict(zip(self.dict_keys, values, strict=True)),)
        args: list[Any] = []
        for slot in self.slots:
            if isinstance(slot, int):
                args.append(values[slot])
            elif issubclass(slot, Request):
                args.append(Request(request, session))
            else:
                target = fired.target if fired is not None else None
                args.append(slot(target, fired.data if fired is not None else None))
        used = sum(1 for slot in self.slots if isinstance(slot, int))
        return (*args, *values[used:])


def _injected(annotation: Any) -> type[EventData] | type[Request] | None:
    if isinstance(annotation, type) and issubclass(annotation, EventData | Request):
        return annotation
    if isinstance(annotation, str):  # an annotation get_type_hints could not resolve
        from reactive.definition import event_data

        found = getattr(event_data, annotation.rsplit(".", 1)[-1], None)
        if annotation.rsplit(".", 1)[-1] in _INJECTED_NAMES and isinstance(found, type):
            return typing.cast("type[EventData] | type[Request]", found)
    return None


def _hints(fn: Callable[..., Any]) -> dict[str, Any]:
    try:
        return typing.get_type_hints(fn)
    except Exception:  # a forward reference that does not resolve: read the raw strings
        return dict(getattr(fn, "__annotations__", {}))


def plan_for(
    fn: Callable[..., Any], inputs: Sequence[Component], as_dict: bool
) -> ArgumentPlan | None:
    """The plan for ``fn`` called with ``inputs`` (as one dict if ``as_dict``); None when the
    function takes one input per parameter and nothing else. Raises DefinitionError when the
    parameters cannot take them."""
    name = getattr(fn, "__qualname__", repr(fn))
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return ArgumentPlan((), tuple(inputs)) if as_dict else None
    hints = _hints(fn)
    count = 1 if as_dict else len(inputs)
    slots: list[Slot] = []
    taken = 0
    varargs = False
    for param in params:
        injected = _injected(hints.get(param.name, param.annotation))
        if param.kind is inspect.Parameter.VAR_POSITIONAL:
            varargs = True
        elif param.kind in _POSITIONAL and injected is not None:
            slots.append(injected)
        elif param.kind in _POSITIONAL and taken < count:
            slots.append(taken)
            taken += 1
        elif param.kind in _POSITIONAL and param.default is param.empty:
            raise DefinitionError(
                f"{name}() has more parameters than inputs ({count}): parameter "
                f"{param.name!r} has no input. Give one input component per parameter."
            )
    if taken < count and not varargs:
        raise DefinitionError(
            f"{name}() takes {taken} input parameter(s) but inputs= lists {count} "
            f"component(s): give one input component per parameter."
        )
    if not as_dict and all(isinstance(slot, int) for slot in slots):
        return None
    return ArgumentPlan(tuple(slots), tuple(inputs) if as_dict else None)

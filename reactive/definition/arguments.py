"""How a listener's parameters are filled when it is not simply one input per parameter.

Gradio lets a function ask for event data (``evt: gr.SelectData``) and the request
(``request: gr.Request``) by annotation, an input as its properties and value by a component
annotation (``x: gr.Number``), and take its inputs as one dict (``inputs={a, b}``).
:func:`plan_for` reads the signature once, at definition; a function that needs none of this
gets no plan, so its calls pay nothing.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reactive.components.base import Component
from reactive.definition.component_props import props_of
from reactive.definition.event_data import (
    SIGN_IN,
    EventData,
    OAuthProfile,
    OAuthToken,
    Request,
    RequestInfo,
)
from reactive.errors import DefinitionError

_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
_INJECTED_NAMES = {
    "EventData", "SelectData", "LikeData", "EditData", "RetryData", "UndoData", "KeyUpData",
    "DeletedFileData", "Request", "OAuthProfile", "OAuthToken", "CopyData",
}  # fmt: skip

Injected = type[EventData] | type[Request] | type[OAuthProfile] | type[OAuthToken]


@dataclass(frozen=True, slots=True)
class PropsOf:
    """An input passed as its properties and value (annotated with a component class)."""

    index: int


#: One positional parameter: an input's index, or the kind of object injected there.
Slot = int | PropsOf | Injected


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
    inputs: tuple[Component, ...] = ()

    def build(
        self,
        values: tuple[Any, ...],
        fired: Fired | None,
        request: RequestInfo,
        session: str,
        components: Mapping[str, Component] | None = None,
    ) -> tuple[Any, ...]:
        """The call's arguments from the inputs' values, the trigger and the request;
        ``components`` are the session's copies (their properties after ``rx.update``)."""
        if self.dict_keys is not None:
            values = (dict(zip(self.dict_keys, values, strict=True)),)
        args: list[Any] = []
        for slot in self.slots:
            if isinstance(slot, int):
                args.append(values[slot])
            elif isinstance(slot, PropsOf):
                given = self.inputs[slot.index]
                current = (components or {}).get(given.id, given)
                args.append(props_of(current, values[slot.index]))
            elif issubclass(slot, Request):
                args.append(Request(request, session))
            elif issubclass(slot, SIGN_IN):
                args.append(None)  # nobody is signed in with Hugging Face locally
            else:
                target = fired.target if fired is not None else None
                args.append(slot(target, fired.data if fired is not None else None))
        used = sum(1 for slot in self.slots if isinstance(slot, int | PropsOf))
        return (*args, *values[used:])


def _injected(annotation: Any, where: str) -> Injected | None:
    """The kind of object a parameter annotated so receives, or None for an input."""
    inner, optional = _without_none(annotation)
    found = _injected_type(inner)
    if found is not None and issubclass(found, SIGN_IN) and not optional:
        raise DefinitionError(
            f"{where} takes a gr.{found.__name__}, but signing in with Hugging Face is not "
            f"available when running locally; annotate it `gr.{found.__name__} | None` (it is "
            f"then None) so the function runs without a signed-in user."
        )
    return found


def _without_none(annotation: Any) -> tuple[Any, bool]:
    """``X | None`` (or ``Optional[X]``, or the string of either) as ``(X, True)``."""
    if isinstance(annotation, str):
        annotation = annotation.strip("'\"")  # a quoted annotation under postponed evaluation
        parts = [p.strip() for p in annotation.removeprefix("Optional[").rstrip("]").split("|")]
        named = [p for p in parts if p != "None"]
        optional = len(named) < len(parts) or annotation.startswith("Optional[")
        return (named[0] if len(named) == 1 else annotation), optional
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        named = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(named) == 1:
            return named[0], len(named) < len(typing.get_args(annotation))
    return annotation, False


def _injected_type(annotation: Any) -> Injected | None:
    kinds = (EventData, Request, *SIGN_IN)
    if isinstance(annotation, type) and issubclass(annotation, kinds):
        return annotation
    if isinstance(annotation, str):  # an annotation get_type_hints could not resolve
        from reactive.definition import event_data

        found = getattr(event_data, annotation.rsplit(".", 1)[-1], None)
        if annotation.rsplit(".", 1)[-1] in _INJECTED_NAMES and isinstance(found, type):
            return typing.cast("Injected", found)
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
        injected = _injected(hints.get(param.name, param.annotation), f"{name}({param.name})")
        if param.kind is inspect.Parameter.VAR_POSITIONAL:
            varargs = True
        elif param.kind in _POSITIONAL and injected is not None:
            slots.append(injected)
        elif param.kind in _POSITIONAL and taken < count:
            hint = hints.get(param.name, param.annotation)
            wants_props = not as_dict and isinstance(hint, type) and issubclass(hint, Component)
            slots.append(PropsOf(taken) if wants_props else taken)
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
    return ArgumentPlan(tuple(slots), tuple(inputs) if as_dict else None, tuple(inputs))

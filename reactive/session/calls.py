"""An API call (``call`` message): one function run once with the arguments the caller gave.

The Python client, the HTTP API and MCP all come through here. The arguments are checked by the
inputs' own preprocess, as a page's values are; a refusal says which input was wrong and why.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from reactive.components.base import Component
from reactive.definition.graph import BoundFunction
from reactive.errors import InvalidValue, RemoteProtocolError
from reactive.protocol.messages import Call, Called
from reactive.protocol.names import check_file_value

Preprocess = Callable[[Component, Any], Awaitable[Any]]
#: The (Python value, wire value) an input got from a finished upload with this id, or None.
Uploaded = Callable[[Component, int], tuple[Any, Any] | None]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A call ready to run: each API input with its Python value and its wire value."""

    function: BoundFunction
    values: list[tuple[Component, Any, Any]]


def input_name(function: BoundFunction, index: int) -> str:
    """How an input is named in messages: its label, else its position."""
    label = function.api_inputs[index].label
    return f"input {index} ({label!r})" if label else f"input {index}"


def find_function(functions: list[BoundFunction], name: str) -> BoundFunction | None:
    """The exposed function called ``name`` (its wire id), or None."""
    return next((f for f in functions if f.id == name and f.api), None)


async def prepare(
    functions: list[BoundFunction], message: Call, preprocess: Preprocess, uploaded: Uploaded
) -> Prepared | Called:
    """The call's Python arguments, or the :class:`Called` refusal that says what was wrong."""
    function = find_function(functions, message.function)
    if function is None:
        return refuse(message, "unknown_function", f"No API function {message.function!r}.")
    inputs = function.api_inputs
    if len(message.args) != len(inputs):
        return refuse(
            message,
            "bad_value",
            f"{function.id} takes {len(inputs)} input(s), got {len(message.args)}.",
        )
    values: list[tuple[Component, Any, Any]] = []
    uploads = dict(message.uploads)
    for index, (component, wire) in enumerate(zip(inputs, message.args, strict=True)):
        if index in uploads:
            found = uploaded(component, uploads[index])
            if found is None:
                text = f"{input_name(function, index)}: upload {uploads[index]} is not complete."
                return refuse(message, "bad_value", text)
            values.append((component, *found))
            continue
        try:
            check_file_value(wire, component.id)
            values.append((component, await preprocess(component, wire), wire))
        except (InvalidValue, RemoteProtocolError) as exc:
            return refuse(message, "bad_value", f"{input_name(function, index)}: {exc}")
    return Prepared(function, values)


def refuse(message: Call, code: str, text: str) -> Called:
    return Called(message.call, message.function, code=code, message=text)

"""A call's arguments from JSON or a form: positional (``data``) or named, checked per input."""

from __future__ import annotations

from typing import Any

from reactive.errors import InvalidValue, ReactiveError
from reactive.web.jsonvalues import from_json
from reactive.web.schema import Exposed


class BadRequest(ReactiveError):
    """A request whose inputs do not fit: answered 422 naming the input."""

    def __init__(self, message: str, name: str | None = None) -> None:
        super().__init__(message)
        self.name = name


def named_arguments(function: Exposed, given: dict[str, Any]) -> list[Any]:
    unknown = sorted(set(given) - set(function.names))
    if unknown:
        known = ", ".join(function.names) or "none"
        raise BadRequest(
            f"Unknown input(s) {', '.join(unknown)}; {function.info.name} takes {known}."
        )
    values = [
        given[name] if name in given else _Default(i) for i, name in enumerate(function.names)
    ]
    return converted(function, values)


class _Default:
    def __init__(self, index: int) -> None:
        self.index = index


def converted(function: Exposed, values: list[Any]) -> list[Any]:
    wire: list[Any] = []
    for index, (param, value) in enumerate(zip(function.info.inputs, values, strict=True)):
        if isinstance(value, _Default):
            wire.append(function.default(value.index))
            continue
        try:
            wire.append(from_json(param.type, value))
        except InvalidValue as exc:
            name = function.names[index]
            raise BadRequest(f"input {index} ({name!r}): {exc}", name) from None
    return wire

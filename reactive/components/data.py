"""JSON: any structure, shown pretty-printed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from reactive.components.base import Component
from reactive.errors import OutputError


def to_plain(value: Any, depth: int = 0) -> Any:
    """Turn a result into plain msgpack data: tuples and sets become lists, numpy becomes Python."""
    if depth > 32:
        raise OutputError("JSON value nests deeper than 32 levels.")
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Mapping):
        return {str(k): to_plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_plain(v, depth + 1) for v in value]
    tolist = getattr(value, "tolist", None)  # numpy arrays and scalars
    if callable(tolist):
        return to_plain(tolist(), depth + 1)
    raise OutputError(f"JSON cannot show a {type(value).__name__}: {value!r:.80}.")


class JSON(Component):
    """Shows any dict / list / number / string structure."""

    type = "json"
    accepts_input: ClassVar[bool] = False

    def __init__(self, value: Any = None, *, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(value, label=label, **kwargs)

    def postprocess(self, value: Any) -> Any:
        return to_plain(value)

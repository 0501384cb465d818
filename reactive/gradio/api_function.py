"""``gr.api(fn)``: a function served by the API (``rx.Client``, ``POST /api/<name>``, MCP) with
no components on the page; its parameters and result are typed by their annotations.

Example::

    with gr.Blocks() as demo:
        def slice_list(lst: list, start: int, end: int) -> list:
            return lst[start:end]
        gr.api(slice_list)

Each parameter gets a hidden component that checks and converts its value as an input would:
``str`` a Textbox, ``int`` / ``float`` a Number, ``bool`` a Checkbox, anything else (``list``,
``dict``, unannotated) JSON.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from typing import Any

from reactive.components import JSON, Checkbox, Component, Number, Textbox, placement
from reactive.errors import DefinitionError
from reactive.gradio.blocks import active_blocks
from reactive.gradio.events import bind


def api(
    fn: Callable[..., Any],
    *,
    api_name: str | None = None,
    api_description: str | None = None,
    concurrency_limit: int | str | None = "default",
    concurrency_id: str | None = None,
    queue: bool = True,
    **unsupported: Any,
) -> Any:
    """Serve ``fn`` by the API only, inside ``with gr.Blocks():`` (Gradio's ``gr.api``)."""
    blocks = active_blocks("gr.api(fn)")
    if not callable(fn):
        raise DefinitionError(f"gr.api takes a function, got {fn!r}.")
    hints = _hints(fn)
    with placement.detached():  # hidden, placed by the listener at the end of the page
        inputs = [
            _component(hints.get(p.name, p.annotation), p.name)
            for p in inspect.signature(fn).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        result = hints.get("return", inspect.Signature.empty)
        outputs = [] if result in (None, type(None)) else [_component(result, "output")]
    if api_description is not None and fn.__doc__ is None:
        fn.__doc__ = api_description
    arguments = {"inputs": inputs, "outputs": outputs, "api_name": api_name,
                 "concurrency_limit": concurrency_limit, "concurrency_id": concurrency_id,
                 **unsupported}  # fmt: skip
    return bind(blocks, [], fn, arguments)


def _hints(fn: Callable[..., Any]) -> dict[str, Any]:
    try:
        return typing.get_type_hints(fn)
    except (NameError, TypeError):
        return {}


def _component(annotation: Any, name: str) -> Component:
    kind = typing.get_origin(annotation) or annotation
    if kind is bool:
        return Checkbox(label=name, visible=False)
    if kind is int:
        return Number(label=name, precision=0, visible=False)
    if kind is float:
        return Number(label=name, visible=False)
    if kind is str:
        return Textbox(label=name, visible=False)
    return JSON(label=name, visible=False)

"""``gr.HTML(server_functions=[fn, ...])``: Python functions a templated HTML's ``js_on_load``
calls as ``await server.fn(a, b)``.

Each function is bound in the active Blocks as a listener with no trigger, whose one input is a
hidden JSON holding the call's arguments and whose output is a hidden JSON for the result: the
page sends ``call{f, a: [[a, b]]}`` (the API's message) and resolves the promise with the
update of that result for the run the ``called`` answer named (client/src/ui/serverCalls.ts).
Calls queue (``trigger_mode="multiple"``): one never cancels another.

``upload(file)`` in ``js_on_load`` is one more such function, bound when the code names it:
its input is a hidden ``gr.File`` (which saves the page's file in the session's upload folder,
as any upload is saved) and its result ``{path}``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reactive.components import listeners
from reactive.components.base import Component
from reactive.components.data import JSON
from reactive.components.file import File
from reactive.errors import DefinitionError, InvalidValue


@dataclass(frozen=True, slots=True)
class ServerFunction:
    """One function the page may call: its bound listener and the component its result fills."""

    name: str
    dependency: Any  # the Blocks' Dependency: its ``function.id`` is the call's ``f``
    result: Component

    def wire(self) -> list[str]:
        return [self.dependency.function.id, self.result.id]


#: ``upload(`` called in a ``js_on_load``: the page's files go to the server.
USES_UPLOAD = re.compile(r"\bupload\s*\(")


def bind(functions: Sequence[Callable[..., Any]]) -> list[ServerFunction]:
    """Bind each of ``functions`` in the Blocks whose ``with`` is running."""
    host = listeners.active()
    if host is None:
        raise DefinitionError(
            "gr.HTML(server_functions=...) must be made inside `with gr.Blocks() as demo:`, "
            "where the app that runs the functions is known."
        )
    bound: list[ServerFunction] = []
    for fn in functions:
        if not callable(fn):
            raise DefinitionError(f"server_functions= takes functions, got {fn!r}.")
        name = getattr(fn, "__name__", "server_function")
        bound.append(_bind_one(host, name, _spread(fn), JSON(visible=False)))
    return bound


def bind_upload() -> ServerFunction | None:
    """``upload(file)`` for a js_on_load that calls it; None outside a Blocks (the page then
    says upload() cannot be called there)."""
    host = listeners.active()
    if host is None:
        return None
    # The page sends the call's argument list, [file]: a "multiple" File takes it as it is.
    return _bind_one(host, "upload", _saved, File(file_count="multiple", visible=False))


def _bind_one(
    host: Any, name: str, fn: Callable[[Any], Any], arguments: Component
) -> ServerFunction:
    result = JSON(visible=False)
    options = {"inputs": arguments, "outputs": result, "trigger_mode": "multiple"}
    options |= {"api_name": name, "show_progress": "hidden"}
    return ServerFunction(name, host.listen([], fn, options), result)


def _saved(paths: list[str] | None) -> dict[str, str]:
    """The saved file's path, as Gradio's ``upload`` gives it (the page adds a ``url``)."""
    if not paths or len(paths) != 1:
        raise InvalidValue("upload(file) takes one file: upload(input.files[0]).")
    return {"path": str(paths[0])}


def _spread(fn: Callable[..., Any]) -> Callable[[Any], Any]:
    """``fn`` called with the page's argument list spread out (``server.fn(a, b)``)."""

    def call(arguments: Any) -> Any:
        return fn(*arguments) if isinstance(arguments, list) else fn(arguments)

    call.__name__ = getattr(fn, "__name__", "server_function")
    return call

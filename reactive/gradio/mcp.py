"""``gr.mcp``: mark an app's functions as MCP tools, resources or prompts (served with
``demo.launch(mcp_server=True)`` or ``reactive run --mcp``).

Example::

    @gr.mcp.resource("greeting://{name}")
    def get_greeting(name: str) -> str:
        return f"Hello, {name}!"

Every API function of the app is a tool already; ``tool(name=, description=, _meta=)`` names or
describes it. A resource or a prompt is served as that instead of a tool; it must still be one
of the app's functions (a listener, an Interface's fn, ``gr.api``) to be served.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from reactive.components.base import warn_unsupported
from reactive.definition.mcp_marks import McpMark, mark
from reactive.errors import DefinitionError

F = TypeVar("F", bound=Callable[..., Any])


def tool(
    name: str | None = None,
    description: str | None = None,
    structured_output: bool = False,
    _meta: Mapping[str, Any] | None = None,
) -> Callable[[F], F]:
    """The function as an MCP tool, under ``name`` (default its API name) and ``description``
    (default its docstring); ``_meta`` is sent with the tool's listing."""
    if structured_output:
        warn_unsupported("gr.mcp.tool()", {"structured_output": structured_output})
    return _marker(McpMark("tool", name, description, meta=dict(_meta or {})))


def resource(
    uri_template: str,
    description: str | None = None,
    mime_type: str | None = None,
    **unsupported: Any,
) -> Callable[[F], F]:
    """The function as an MCP resource at ``uri_template``; each ``{name}`` in it is passed
    to the function as that argument."""
    if not isinstance(uri_template, str) or "://" not in uri_template:
        raise DefinitionError(
            f"gr.mcp.resource takes a URI or URI template like 'greeting://{{name}}', got "
            f"{uri_template!r}."
        )
    if unsupported:
        warn_unsupported("gr.mcp.resource()", unsupported)
    return _marker(McpMark("resource", None, description, uri=uri_template, mime_type=mime_type))


def prompt(name: str | None = None, description: str | None = None) -> Callable[[F], F]:
    """The function as an MCP prompt: its parameters are the prompt's arguments and the text it
    returns is the prompt."""
    return _marker(McpMark("prompt", name, description))


def _marker(note: McpMark) -> Callable[[F], F]:
    def decorate(fn: F) -> F:
        if not callable(fn):
            raise DefinitionError(f"gr.mcp.{note.kind}() decorates a function, got {fn!r}.")
        mark(fn, note)
        return fn

    return decorate

"""What ``/mcp`` serves besides plain tools: ``gr.mcp`` names and descriptions on tools, and
functions marked as resources or prompts (``reactive.definition.mcp_marks``).

A resource or prompt is the app author's own function, called directly (in a worker thread when
it is sync) with the URI's or the prompt's arguments; its text (or bytes) is the answer.
"""

from __future__ import annotations

import asyncio
import base64
import inspect
import re
from collections.abc import Callable
from typing import Any

import mcp_types as types

from reactive.definition.app import App
from reactive.definition.mcp_marks import McpMark, mark_of
from reactive.web.schema import Exposed


class Catalog:
    """The app's marked functions, by kind."""

    def __init__(self, app: App) -> None:
        self.resources: list[tuple[McpMark, Callable[..., Any]]] = []
        self.prompts: dict[str, tuple[McpMark, Callable[..., Any]]] = {}
        for function in app.functions:
            note = mark_of(function.fn)
            if note is not None and note.kind == "resource":
                self.resources.append((note, function.fn))
            elif note is not None and note.kind == "prompt":
                self.prompts[note.name or function.fn.__name__] = (note, function.fn)

    def tools(self, exposed: dict[str, Exposed]) -> dict[str, tuple[Exposed, McpMark | None]]:
        """The tools by name: every exposed function not served as a resource or prompt."""
        found: dict[str, tuple[Exposed, McpMark | None]] = {}
        for name, function in exposed.items():
            note = mark_of(function.bound.fn)
            if note is None or note.kind == "tool":
                found[(note.name if note else None) or name] = (function, note)
        return found

    def listing(self) -> tuple[list[types.Resource], list[types.ResourceTemplate]]:
        plain, templates = [], []
        for note, fn in self.resources:
            uri = str(note.uri)
            description = note.description or inspect.getdoc(fn)
            meta = dict(note.meta) or None
            if "{" in uri:
                templates.append(types.ResourceTemplate(
                    name=fn.__name__, uri_template=uri, description=description,
                    mime_type=note.mime_type, _meta=meta,
                ))  # fmt: skip
            else:
                plain.append(types.Resource(
                    name=fn.__name__, uri=uri, description=description,
                    mime_type=note.mime_type, _meta=meta,
                ))  # fmt: skip
        return plain, templates

    async def read(self, uri: str) -> types.ReadResourceResult:
        for note, fn in self.resources:
            arguments = _match(str(note.uri), uri)
            if arguments is not None:
                value = await _call(fn, arguments)
                return types.ReadResourceResult(contents=[_resource(uri, note.mime_type, value)])
        raise ValueError(f"No resource at {uri!r}.")

    def prompt_listing(self) -> list[types.Prompt]:
        return [
            types.Prompt(
                name=name,
                description=note.description or inspect.getdoc(fn),
                arguments=[
                    types.PromptArgument(name=p.name, required=p.default is p.empty)
                    for p in inspect.signature(fn).parameters.values()
                ],
            )
            for name, (note, fn) in self.prompts.items()
        ]

    async def prompt(self, name: str, arguments: dict[str, str]) -> types.GetPromptResult:
        if name not in self.prompts:
            raise ValueError(f"No prompt {name!r}; there are: {', '.join(self.prompts)}.")
        note, fn = self.prompts[name]
        text = await _call(fn, arguments)
        message = types.PromptMessage(
            role="user", content=types.TextContent(type="text", text=str(text))
        )
        return types.GetPromptResult(description=note.description, messages=[message])


def _match(template: str, uri: str) -> dict[str, str] | None:
    """The ``{name}`` parts of ``uri`` if it fits ``template``, else None."""
    pattern = "".join(
        f"(?P<{part[1:-1]}>[^/]+)" if part.startswith("{") else re.escape(part)
        for part in re.split(r"(\{[A-Za-z_][A-Za-z_0-9]*\})", template)
        if part
    )
    found = re.fullmatch(pattern, uri)
    return found.groupdict() if found else None


async def _call(fn: Callable[..., Any], arguments: dict[str, Any]) -> Any:
    if inspect.iscoroutinefunction(fn):
        return await fn(**arguments)
    return await asyncio.to_thread(fn, **arguments)


def _resource(
    uri: str, mime: str | None, value: Any
) -> types.TextResourceContents | types.BlobResourceContents:
    if isinstance(value, bytes):
        blob = base64.b64encode(value).decode("ascii")
        return types.BlobResourceContents(uri=uri, mime_type=mime, blob=blob)
    return types.TextResourceContents(uri=uri, mime_type=mime or "text/plain", text=str(value))

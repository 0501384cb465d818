"""MCP: every exposed function as a tool, over streamable HTTP at ``/mcp`` (``rx.App(mcp=True)``).

Built on the official ``mcp`` SDK's low-level server (``pip install reactive[mcp]``). A tool's
description is its function's docstring and its input schema comes from the inputs; each call
runs on a session of its own, like ``POST /api``. A generator's updates become progress
notifications; pictures and sound come back as MCP image and audio content.
"""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import mcp_types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel.server import Server
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp, StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.responses import PlainTextResponse
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from reactive.client.state import RunRecord
from reactive.definition.app import App
from reactive.definition.mcp_marks import McpMark
from reactive.protocol.origin import origin_allowed
from reactive.session.manager import SessionManager
from reactive.web.arguments import BadRequest, named_arguments
from reactive.web.jsonvalues import joined, pcm_wav
from reactive.web.mcp_catalog import Catalog
from reactive.web.oneshot import CallRefused, run_once
from reactive.web.schema import Exposed, arguments_schema, exposed

Lifespan = Callable[[], AbstractAsyncContextManager[None]]
Content = types.ContentBlock


def mcp_routes(app: App, sessions: SessionManager) -> tuple[list[BaseRoute], Lifespan]:
    """The ``/mcp`` route, and the lifespan the server enters to run the SDK's manager."""
    catalog = Catalog(app)
    functions = catalog.tools(exposed(app))

    async def list_tools(
        ctx: ServerRequestContext[Any, Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=[_tool(n, *f) for n, f in functions.items()])

    async def call_tool(
        ctx: ServerRequestContext[Any, Any], params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        function = functions.get(params.name)
        if function is None:
            return _error(f"No tool {params.name!r}; there are: {', '.join(functions)}.")
        return await _call(ctx, sessions, function[0], dict(params.arguments or {}))

    server: Server[Any] = Server(
        app.title,
        description=app.description,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        **_resources_and_prompts(catalog),
    )
    # The server's own Host check (HostCheck) and the Origin check below guard /mcp.
    security = TransportSecuritySettings(enable_dns_rebinding_protection=False)
    manager = StreamableHTTPSessionManager(server, stateless=True, security_settings=security)
    endpoint = _OriginCheck(StreamableHTTPASGIApp(manager))
    return [Route("/mcp", endpoint=endpoint)], manager.run


class _OriginCheck:
    """Refuses a browser's cross-site request to ``/mcp`` (403), as the socket and API do."""

    def __init__(self, app: StreamableHTTPASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        origin = headers.get("origin")
        if origin is not None and not origin_allowed(origin, headers.get("host"), "http"):
            response = PlainTextResponse(f"Requests from {origin} are not allowed.", 403)
            await response(scope, receive, send)
            return
        await self._app(scope, receive, send)


def _tool(name: str, function: Exposed, note: McpMark | None) -> types.Tool:
    schema = arguments_schema(function)
    schema["required"] = list(function.names)
    description = (note.description if note else None) or function.doc or f"Runs {name}."
    meta = dict(note.meta) if note and note.meta else None
    return types.Tool(name=name, description=description, input_schema=schema, _meta=meta)


def _resources_and_prompts(catalog: Catalog) -> dict[str, Any]:
    """The server's resource and prompt handlers, for an app that marked any."""
    handlers: dict[str, Any] = {}
    if catalog.resources:

        async def list_resources(ctx: Any, params: Any) -> types.ListResourcesResult:
            return types.ListResourcesResult(resources=catalog.listing()[0])

        async def list_templates(ctx: Any, params: Any) -> types.ListResourceTemplatesResult:
            return types.ListResourceTemplatesResult(resource_templates=catalog.listing()[1])

        async def read_resource(
            ctx: Any, params: types.ReadResourceRequestParams
        ) -> types.ReadResourceResult:
            return await catalog.read(str(params.uri))

        handlers |= {"on_list_resources": list_resources,
                     "on_list_resource_templates": list_templates,
                     "on_read_resource": read_resource}  # fmt: skip
    if catalog.prompts:

        async def list_prompts(ctx: Any, params: Any) -> types.ListPromptsResult:
            return types.ListPromptsResult(prompts=catalog.prompt_listing())

        async def get_prompt(
            ctx: Any, params: types.GetPromptRequestParams
        ) -> types.GetPromptResult:
            return await catalog.prompt(params.name, dict(params.arguments or {}))

        handlers |= {"on_list_prompts": list_prompts, "on_get_prompt": get_prompt}
    return handlers


async def _call(
    ctx: ServerRequestContext[Any, Any],
    sessions: SessionManager,
    function: Exposed,
    arguments: dict[str, Any],
) -> types.CallToolResult:
    try:
        args = named_arguments(function, arguments)
    except BadRequest as exc:
        return _error(str(exc))
    updates: AsyncIterator[tuple[RunRecord, tuple[str, Any] | None]]
    updates = run_once(sessions, function.info, args)
    count = 0
    try:
        async for record, update in updates:
            if update is None:
                if record.state != "done":
                    return _error(record.message or f"{function.info.name} {record.state}")
                return types.CallToolResult(content=_contents(record))
            count += 1
            await ctx.session.report_progress(count, None, _summary(update[1]))
    except CallRefused as exc:
        return _error(str(exc))
    return _error(f"{function.info.name} ended without a result.")


def _summary(value: Any) -> str:
    """A progress message: text as it stands, anything else by its kind."""
    if isinstance(value, str):
        return value[-500:]
    if isinstance(value, dict) and "mime" in value:
        return f"{value['mime']} ({len(value.get('data', b''))} bytes)"
    return json.dumps(value, default=str)[:500]


def _contents(record: RunRecord) -> list[Content]:
    contents: list[Content] = []
    for output in record.function.outputs:
        chunks = record.chunks.get(output.component)
        value = joined(chunks) if chunks else record.values.get(output.component)
        contents.append(_content(value))
    return contents


def _content(value: Any) -> Content:
    if isinstance(value, dict) and value.get("k") == "pcm":
        value = {"mime": "audio/wav", "data": pcm_wav(value)}
    if isinstance(value, dict) and isinstance(value.get("data"), bytes):
        mime = str(value.get("mime", ""))
        data = base64.b64encode(value["data"]).decode("ascii")
        if mime.startswith("image/"):
            return types.ImageContent(type="image", data=data, mime_type=mime)
        if mime.startswith("audio/"):
            return types.AudioContent(type="audio", data=data, mime_type=mime)
        described = {"name": value.get("name"), "mime": mime, "base64": data}
        return types.TextContent(type="text", text=json.dumps(described))
    if isinstance(value, str):
        return types.TextContent(type="text", text=value)
    return types.TextContent(type="text", text=json.dumps(value, default=str))


def _error(message: str) -> types.CallToolResult:
    text = types.TextContent(type="text", text=message)
    return types.CallToolResult(content=[text], is_error=True)

"""The HTTP API: ``POST /api/<name>`` (JSON, or Server-Sent Events), downloads, ``/api`` and
``/openapi.json``. ``server.py`` mounts :func:`api_routes`; nothing here touches the WebSocket.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from reactive.client.state import RunRecord
from reactive.definition.app import App
from reactive.protocol.origin import origin_allowed
from reactive.session.manager import SessionManager
from reactive.web import page
from reactive.web.arguments import BadRequest, converted, named_arguments
from reactive.web.downloads import Downloads
from reactive.web.jsonvalues import Keep, joined, to_json
from reactive.web.oneshot import CallRefused, run_once
from reactive.web.schema import Exposed, exposed

_REFUSALS = {"unknown_function": 404, "busy": 409}


def api_routes(app: App, sessions: SessionManager) -> list[BaseRoute]:
    """The API's routes, relative to where the app is served (a mount prefix works)."""
    functions = exposed(app)
    downloads = Downloads()

    async def listing(request: Request) -> HTMLResponse:
        base = str(request.url_for("api-page")).removesuffix("api")  # under a mount too
        return HTMLResponse(page.render(app.title, functions, base))

    async def openapi(request: Request) -> JSONResponse:
        return JSONResponse(page.openapi(app.title, functions, request.scope.get("root_path", "")))

    async def download(request: Request) -> Response:
        found = downloads.get(request.path_params["token"])
        if found is None or found.name != request.path_params["name"]:
            return JSONResponse({"error": "No such file (results are kept 10 minutes)."}, 404)
        disposition = f"attachment; filename*=UTF-8''{_quoted(found.name)}"
        headers = {"Content-Disposition": disposition, "Cache-Control": "private, max-age=600"}
        return Response(found.data, media_type=found.mime, headers=headers)

    async def call(request: Request) -> Response:
        origin, host = request.headers.get("origin"), request.headers.get("host")
        if origin is not None and not origin_allowed(origin, host, request.url.scheme):
            return JSONResponse({"error": f"Requests from {origin} are not allowed."}, 403)
        function = functions.get(request.path_params["name"])
        if function is None:
            known = ", ".join(sorted(functions)) or "none"
            message = f"No API function {request.path_params['name']!r} (there are: {known})."
            return JSONResponse({"error": message}, 404)
        try:
            args = await _arguments(request, function)
        except BadRequest as exc:
            return JSONResponse({"error": str(exc), "input": exc.name}, 422)

        def keep(data: bytes, mime: str, name: str | None) -> str:
            path = downloads.put(data, mime, name)
            token, shown = path.split("/")[1:]
            return str(request.url_for("api-file", token=token, name=shown))

        updates = run_once(sessions, function.info, args)
        try:
            first = await anext(updates)
        except CallRefused as exc:
            status = _REFUSALS.get(exc.code or "", 422)
            return JSONResponse({"error": str(exc), "code": exc.code}, status)
        if _wants_events(request):
            stream = _events(first, updates, keep)
            return StreamingResponse(stream, media_type="text/event-stream")
        record, update = first
        while update is not None:
            record, update = await anext(updates)
        return _final(record, keep)

    return [
        Route("/api", listing, methods=["GET"], name="api-page"),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/api/file/{token}/{name}", download, methods=["GET"], name="api-file"),
        Route("/api/{name}", call, methods=["POST"]),
    ]


def _wants_events(request: Request) -> bool:
    return request.query_params.get("stream") in ("1", "true") or "text/event-stream" in (
        request.headers.get("accept", "")
    )


async def _arguments(request: Request, function: Exposed) -> list[Any]:
    """The call's wire arguments from a JSON body (``data`` list or named fields) or a form."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        given: dict[str, Any] = {}
        async with request.form() as form:  # closes the spooled upload files
            for key, item in form.multi_items():
                given[key] = await _form_value(item)
        return named_arguments(function, given)
    try:
        body = await request.json() if await request.body() else {}
    except json.JSONDecodeError as exc:
        raise BadRequest(f"The body is not JSON: {exc}.") from None
    if not isinstance(body, dict):
        raise BadRequest('Send a JSON object: {"data": [...]} or one field per input.')
    if "data" in body and "data" not in function.names:
        data = body["data"]
        if not isinstance(data, list) or len(data) != len(function.names):
            count = len(function.names)
            raise BadRequest(f"'data' must be a list of {count} value(s), one per input.")
        return converted(function, data)
    return named_arguments(function, body)


async def _form_value(item: str | UploadFile) -> Any:
    if isinstance(item, str):
        try:
            return json.loads(item)
        except json.JSONDecodeError:
            return item  # plain text
    mime = item.content_type or ""
    return {"name": item.filename or "upload", "mime": mime, "data": await item.read()}


def outputs_of(record: RunRecord, keep: Keep, latest: tuple[str, Any] | None = None) -> list[Any]:
    """The run's outputs as JSON; a streaming output as its newest chunk, or whole at the end."""
    values: list[Any] = []
    for output in record.function.outputs:
        component = output.component
        if latest is not None and latest[0] == component:
            values.append(to_json(latest[1], keep))
        elif component in record.chunks and latest is None:
            values.append(to_json(joined(record.chunks[component]), keep))
        else:
            values.append(to_json(record.values.get(component), keep))
    return values


def _final(record: RunRecord, keep: Keep) -> JSONResponse:
    if record.state == "done":
        return JSONResponse({"data": outputs_of(record, keep)})
    return JSONResponse({"error": record.message or record.state}, 500)


async def _events(
    first: tuple[RunRecord, tuple[str, Any] | None],
    rest: AsyncGenerator[tuple[RunRecord, tuple[str, Any] | None], None],
    keep: Keep,
) -> AsyncIterator[str]:
    """One ``update`` event per update, then ``done`` with the final outputs (or ``error``)."""
    record, update = first
    try:
        while True:
            if update is None:
                if record.state == "done":
                    yield _event("done", {"data": outputs_of(record, keep)})
                else:
                    yield _event("error", {"error": record.message or record.state})
                return
            yield _event("update", {"data": outputs_of(record, keep, update)})
            record, update = await anext(rest)
    finally:  # the caller went away (or the run ended): its session and run stop now
        await rest.aclose()


def _event(name: str, payload: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(payload)}\n\n"


def _quoted(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")

"""``GET /api`` (each function with a curl and a Python example) and ``GET /openapi.json``."""

from __future__ import annotations

import html
import json
from typing import Any

from reactive.web.schema import Exposed, arguments_schema

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
pre{background:#f5f5f7;padding:.75rem;overflow:auto;border-radius:6px}
code{font-family:ui-monospace,monospace}
section{border-top:1px solid #ddd;margin-top:1.5rem}
td,th{padding:.2rem .6rem;text-align:left}
"""


def _sample(kind: str) -> Any:
    return {
        "textbox": "hello",
        "number": 3,
        "slider": 5,
        "checkbox": True,
        "image": {"name": "in.png", "data": "<base64>"},
        "audio": {"name": "in.wav", "data": "<base64>"},
        "video": {"name": "in.mp4", "data": "<base64>"},
        "file": {"name": "in.txt", "data": "<base64>"},
    }.get(kind)


def _python_sample(kind: str) -> str:
    if kind in ("image", "audio", "video", "file"):
        return repr(
            f"path/to/input.{ {'image': 'png', 'audio': 'wav', 'video': 'mp4'}.get(kind, 'txt') }"
        )
    return repr(_sample(kind))


def examples(function: Exposed, base_url: str) -> tuple[str, str]:
    """A curl command and a Python snippet that call ``function``."""
    url = base_url.rstrip("/") + f"/api/{function.info.name}"
    body = json.dumps({"data": [_sample(p.type) for p in function.info.inputs]})
    curl = f"curl -X POST {url} \\\n  -H 'Content-Type: application/json' \\\n  -d '{body}'"
    args = ", ".join(
        [repr(function.info.name), *(_python_sample(p.type) for p in function.info.inputs)]
    )
    python = (
        "import reactive as rx\n\n"
        f"client = rx.Client({base_url.rstrip('/') + '/'!r})\n"
        f"print(client.call({args}))"
    )
    return curl, python


def render(title: str, functions: dict[str, Exposed], base_url: str) -> str:
    """The API page: no script, every name escaped."""
    sections = []
    for function in functions.values():
        curl, python = examples(function, base_url)
        rows = "".join(
            f"<tr><td><code>{html.escape(name)}</code></td><td>{html.escape(p.type)}</td>"
            f"<td>{html.escape(p.label or '')}</td></tr>"
            for name, p in zip(function.names, function.info.inputs, strict=True)
        )
        outputs = ", ".join(html.escape(p.type) for p in function.info.outputs) or "none"
        stream = (
            " (a generator: add <code>?stream=1</code> for one event per update)"
            if (function.bound.kind in ("gen", "agen"))
            else ""
        )
        sections.append(
            f"<section id='{html.escape(function.info.name)}'>"
            f"<h2><code>POST /api/{html.escape(function.info.name)}</code></h2>"
            f"<p>{html.escape(function.doc)}</p>"
            f"<table><tr><th>input</th><th>type</th><th>label</th></tr>{rows}</table>"
            f"<p>Returns: {outputs}{stream}</p>"
            f"<h3>curl</h3><pre><code>{html.escape(curl)}</code></pre>"
            f"<h3>Python</h3><pre><code>{html.escape(python)}</code></pre></section>"
        )
    body = "".join(sections) or "<p>This app exposes no functions.</p>"
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>API: {html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>API: {html.escape(title)}</h1><p>Each function answers <code>POST</code> with "
        f'JSON <code>{{"data": [...]}}</code> (or one field per input, or a multipart form); '
        f"<a href='../openapi.json'>OpenAPI</a>.</p>{body}</body></html>"
    )


_OUTPUTS = {"type": "object", "properties": {"data": {"type": "array"}}}


def openapi(title: str, functions: dict[str, Exposed], root_path: str = "") -> dict[str, Any]:
    """An OpenAPI 3.1 document of every exposed function."""
    paths: dict[str, Any] = {}
    for function in functions.values():
        named = arguments_schema(function)
        positional = {
            "type": "object",
            "properties": {
                "data": {
                    "type": "array",
                    "prefixItems": list(named["properties"].values()),
                    "minItems": len(function.names),
                    "maxItems": len(function.names),
                }
            },
            "required": ["data"],
        }
        responses = {
            "200": {
                "description": "The outputs, one per output (files as {url, name, mime}); "
                "with ?stream=1, Server-Sent Events: update ..., then done or error.",
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "properties": {"data": {"type": "array"}}}
                    },
                    "text/event-stream": {"schema": {"type": "string"}},
                },
            },
            "422": {"description": "An input does not fit; the error names it."},
            "500": {"description": "The function failed; the error is its message."},
        }
        paths[f"{root_path}/api/{function.info.name}"] = {
            "post": {
                "operationId": function.info.name,
                "summary": function.doc.splitlines()[0] if function.doc else function.info.name,
                "description": function.doc,
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"oneOf": [positional, named]}},
                        "multipart/form-data": {"schema": named},
                    }
                },
                "responses": responses,
            }
        }
    return {"openapi": "3.1.0", "info": {"title": title, "version": "1"}, "paths": paths}

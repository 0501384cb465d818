"""What the API says about each exposed function: names, JSON schemas, docstrings.

Shared by the HTTP API (``/api``, ``/openapi.json``) and MCP (each tool's input schema).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from reactive.client.state import FunctionInfo, functions_of
from reactive.components.base import Component
from reactive.definition.app import App
from reactive.definition.graph import BoundFunction, parameter_names

FILE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A file: its bytes as base64 (or send it as a multipart part).",
    "properties": {
        "name": {"type": "string"},
        "mime": {"type": "string"},
        "data": {"type": "string", "contentEncoding": "base64"},
    },
    "required": ["data"],
}
_SCALARS: dict[str, dict[str, Any]] = {
    "textbox": {"type": "string"},
    "text": {"type": "string"},
    "markdown": {"type": "string"},
    "html": {"type": "string"},
    "colorpicker": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"},
    "number": {"type": ["number", "null"]},
    "slider": {"type": "number"},
    "checkbox": {"type": "boolean"},
    "dataframe": {
        "type": "object",
        "properties": {"headers": {"type": "array"}, "data": {"type": "array"}},
    },
}


@dataclass(frozen=True, slots=True)
class Exposed:
    """One function the API serves: its binding, its client view and its argument names."""

    bound: BoundFunction
    info: FunctionInfo
    names: list[str]  # one per API input: the parameter's name, else ``input<i>``
    doc: str

    def default(self, index: int) -> Any:
        """The wire value an input takes when a named call leaves it out."""
        return self.bound.api_inputs[index].initial_wire_value()


def exposed(app: App) -> dict[str, Exposed]:
    """Every function not marked ``api=False``, by its API name (its wire id)."""
    infos = functions_of(app.describe())
    found: dict[str, Exposed] = {}
    for bound in app.functions:
        if not bound.api or bound.id not in infos:
            continue
        params = parameter_names(bound.fn, len(bound.inputs))
        names = [
            name or f"input{i}"
            for i, (name, component) in enumerate(zip(params, bound.inputs, strict=True))
            if component.on_page
        ]
        doc = inspect.getdoc(bound.fn) or ""
        found[bound.id] = Exposed(bound, infos[bound.id], names, doc)
    return found


def input_schema(component: Component) -> dict[str, Any]:
    """The JSON schema of one input's value."""
    kind = component.type
    schema: dict[str, Any]
    if kind in ("image", "audio", "video"):
        schema = dict(FILE_SCHEMA)
    elif kind == "file":
        many = getattr(component, "file_count", "single") == "multiple"
        schema = {"type": "array", "items": FILE_SCHEMA} if many else dict(FILE_SCHEMA)
    elif kind in ("dropdown", "radio", "checkboxgroup"):
        choices = [value for _, value in getattr(component, "choices", [])]
        one: dict[str, Any] = {"enum": choices} if choices else {}
        many = kind == "checkboxgroup" or getattr(component, "multiselect", False)
        schema = {"type": "array", "items": one} if many else one
    else:
        schema = dict(_SCALARS.get(kind, {}))
    if component.label:
        schema["title"] = component.label
    return schema


def arguments_schema(function: Exposed) -> dict[str, Any]:
    """The JSON schema of a call's named arguments (an object, one property per input)."""
    properties = {
        name: input_schema(component) | {"x-component": component.type}
        for name, component in zip(function.names, function.bound.api_inputs, strict=True)
    }
    return {"type": "object", "properties": properties}

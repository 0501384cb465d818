"""What ``gr.mcp.tool / resource / prompt`` note on a function, for the MCP server to read.

A function of the app is an MCP tool by default; marked as a resource or a prompt it is served
as that instead (it still runs on the page as any listener does).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

ATTRIBUTE = "__reactive_mcp__"

McpKind = Literal["tool", "resource", "prompt"]


@dataclass(frozen=True, slots=True)
class McpMark:
    kind: McpKind
    name: str | None = None
    description: str | None = None
    uri: str | None = None  # a resource's URI or URI template ("greeting://{name}")
    mime_type: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)


def mark(fn: Callable[..., Any], note: McpMark) -> Callable[..., Any]:
    setattr(fn, ATTRIBUTE, note)
    return fn


def mark_of(fn: Callable[..., Any]) -> McpMark | None:
    found = getattr(fn, ATTRIBUTE, None)
    return found if isinstance(found, McpMark) else None

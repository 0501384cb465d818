"""A layout that depends on a value (Gradio's ``@gr.render``): its placeholder and what one run
of its function made.

The render function is an ordinary bound function whose one output is a :class:`RenderSlot`, a
placeholder in the frozen layout. Each run returns a :class:`Rendered`: the components, layout
blocks and listeners the function made, for one session only. The session installs it (its
components join the session's value store, its listeners the session's own overlay of the
graph) and sends the slot a sub-layout as its value, which the page draws inside the placeholder,
replacing the previous one (docs/render.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from reactive.components.base import Component
from reactive.definition.graph import BoundFunction, page_events, stream_settings
from reactive.definition.layout import Column


class RenderSlot(Component):
    """Where a render function's sub-layout is drawn; its value is that sub-layout."""

    type = "render"
    accepts_input: ClassVar[bool] = False

    def __init__(self, elem_id: str | None = None) -> None:
        super().__init__(None, elem_id=elem_id, show_label=False, container=False)


@dataclass(eq=False, slots=True)
class Rendered:
    """What one run of a render function made, for the session that ran it."""

    slot: RenderSlot
    layout: Column
    #: Every component made (or first used) in the run, by id, State included.
    components: dict[str, Component] = field(default_factory=dict)
    #: The listeners bound in the run (on its own components and on the app's).
    functions: list[BoundFunction] = field(default_factory=list)


def describe(
    rendered: Rendered,
    components: Mapping[str, Component],
    shown: Callable[[str], tuple[bool, Any]],
) -> dict[str, Any]:
    """The slot's wire value: ``{layout, components, fns, listen}`` (docs/protocol.md).

    ``components`` is the session's copy of each (``rx.update`` and kept properties);
    ``shown(id)`` the value the page should show, if the session has one.
    """
    specs: dict[str, Any] = {}
    for cid, original in rendered.components.items():
        component = components.get(cid, original)
        if not component.on_page:
            continue
        props = _props(component, rendered.functions)
        has, value = shown(cid)
        if has:
            props["value"] = value
        specs[cid] = {"type": component.type, "props": props}
    listen = page_events(rendered.functions, components)
    for cid, events in listen.items():
        if cid in specs:
            specs[cid]["props"]["events"] = events
    return {
        "layout": rendered.layout.describe(),
        "components": specs,
        "fns": [f.describe() for f in rendered.functions],
        "listen": {cid: events for cid, events in listen.items() if cid in specs},
    }


def _props(component: Component, functions: list[BoundFunction]) -> dict[str, Any]:
    """As ``App.component_props``: an input is interactive unless it is only an output."""
    props = component.props()
    if props.get("interactive") is None:
        used_as_input = any(component in f.inputs for f in functions)
        output_only = any(component in f.outputs for f in functions)
        props["interactive"] = used_as_input or (component.accepts_input and not output_only)
    settings = stream_settings(functions, component.id)
    if settings is not None:
        props["stream_every"], props["time_limit"] = settings
    return props

"""One Gradio app placed inside another: ``gr.Interface`` made inside ``with gr.Blocks():``,
``chat.render()``, ``other_blocks.render()``, ``gr.TabbedInterface``.

The inner app is built on its own, as if it were served alone (components made while it is
built are kept apart from the Blocks whose ``with`` is running), then *grafted* into the host:
its layout goes where the host's innermost block is, its components and functions join the
host's, and any id that the host already uses is renamed (with every reference to it), so two
``gr.Interface(lambda x: x, "text", "text")`` side by side both work.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from reactive.components import Markdown, listeners, placement
from reactive.components.base import Component
from reactive.definition import layout
from reactive.definition.app import App
from reactive.definition.graph import BoundFunction, TriggerSpec
from reactive.errors import DefinitionError

if TYPE_CHECKING:
    from reactive.gradio.blocks import Blocks


def host() -> Blocks | None:
    """The Blocks app whose ``with`` is running (where a new inner app places itself)."""
    from reactive.gradio.blocks import Blocks  # late: blocks itself nests apps through here

    found = listeners.active()
    return found if isinstance(found, Blocks) else None


@contextmanager
def apart() -> Iterator[None]:
    """Components and listeners made in here belong to the inner app being built, not to the
    Blocks whose ``with`` is running."""
    listening = listeners.enter(None)  # type: ignore[arg-type]
    try:
        with placement.detached():
            yield
    finally:
        listeners.leave(listening)


def heading(title: str | None, description: str | None) -> list[Component]:
    """Gradio draws an inner Interface's title and description above it, inside the page."""
    with placement.detached():
        parts: list[Component] = [Markdown(f"# {title}")] if title else []
        if description:
            parts.append(Markdown(description))
    return parts


def graft(inner: App, into: Blocks, top: list[Component] | None = None) -> None:
    """Move ``inner``'s page, components and functions into ``into`` at its current block."""
    if inner.grafted:
        raise DefinitionError(
            f"This gr.{type(inner).__name__} is already placed in a gr.Blocks; an app is "
            f"rendered once: make a second one to show it twice."
        )
    if inner is into:
        raise DefinitionError("A gr.Blocks cannot be rendered inside itself.")
    inner.grafted = True
    renamed = _move_components(inner, into)
    for index, component in enumerate(top or []):
        component.assign_id(into.unique_id(component.type))
        into.components[component.id] = component
        inner.layout.children.insert(index, component)
    functions = _move_functions(inner, into, renamed)
    blocks = _rename_blocks(inner.layout, _block_ids(into.layout))
    for function in functions:
        at = function.examples.at if function.examples is not None else None
        if function.examples is not None and at in blocks:
            function.examples = dataclasses.replace(function.examples, at=blocks[at])
    if inner.css and inner.css not in (into.css or ""):
        into.css = f"{into.css}\n{inner.css}" if into.css else inner.css
    into.attach(inner.layout)
    rewire = getattr(inner, "rewire", None)
    if callable(rewire):
        rewire()  # ids it handed to its components (a chat's controls) may have changed


def _move_components(inner: App, into: Blocks) -> dict[str, str]:
    renamed: dict[str, str] = {}
    for old, component in list(inner.components.items()):
        if into.components.get(old) is component:  # made in the host's `with`, passed in
            _unplace(into.layout, component)
            continue
        new = into.unique_id(old) if old in into.components else old
        if new != old:
            component.assign_id(new)
            renamed[old] = new
        into.components[new] = component
        component.served_paths = into.served_paths
        component.media_limits = into.media_limits
    return renamed


def _move_functions(inner: App, into: Blocks, renamed: dict[str, str]) -> list[BoundFunction]:
    """The inner functions, their ids made unique in the host and their triggers renamed."""
    ids: dict[str, str] = {}
    for function in inner.functions:
        new = into.function_id(function.id)
        if new != function.id:
            ids[function.id] = new
            function.id = new
        function.triggers = [
            TriggerSpec(renamed.get(t.component, t.component) if t.component else None, t.event)
            for t in function.triggers
        ]
        into.functions.append(function)  # claimed now: the next one's id avoids it
    for function in inner.functions:
        function.cancels = tuple(ids.get(i, i) for i in function.cancels)
    return list(inner.functions)


def _unplace(block: layout.Block, component: Component) -> bool:
    """Take ``component`` out of wherever it was placed under ``block``."""
    if component in block.children:
        block.children.remove(component)
        return True
    return any(
        _unplace(child, component) for child in block.children if isinstance(child, layout.Block)
    )


def _blocks(block: layout.Block) -> Iterator[layout.Block]:
    yield block
    for child in block.children:
        if isinstance(child, layout.Block):
            yield from _blocks(child)


def _block_ids(root: layout.Block) -> set[str]:
    return {b.props["elem_id"] for b in _blocks(root) if "elem_id" in b.props}


def _rename_blocks(root: layout.Block, taken: set[str]) -> dict[str, str]:
    """Layout blocks whose ``elem_id`` the host already has get a new one (an Interface's
    examples find their column by it)."""
    renamed: dict[str, str] = {}
    for block in _blocks(root):
        old = block.props.get("elem_id")
        if old is None:
            continue
        new, n = old, 1
        while new in taken:
            n += 1
            new = f"{old}-{n}"
        taken.add(new)
        if new != old:
            block.props["elem_id"] = renamed[old] = new
    return renamed

"""A session's rendered layouts (``@gr.render``): its own components and listeners, an overlay
on the app's frozen graph.

Each run of a render function returns a :class:`Rendered`. Installing it replaces what the slot
showed before in this session only: the old listeners' runs are cancelled and they leave the
overlay, the old components leave the value store (a keyed one that comes back keeps its
``preserved_by_key`` properties, its value by default), the new ones join it, and the session's
graph is the frozen one plus every slot's listeners. Ids the frozen app does not know are looked
up here.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from reactive.components.base import Component
from reactive.definition import render
from reactive.definition.graph import BoundFunction, Graph
from reactive.definition.render import Rendered
from reactive.errors import OutputError
from reactive.session.values import Values


class Renders:
    """What each render slot of one session shows now."""

    def __init__(
        self,
        frozen: list[BoundFunction],
        store: Values,
        components: MutableMapping[str, Component],
        forget: Callable[[str], None],
    ) -> None:
        self._frozen = frozen
        self._store = store
        self._components = components  # the session's own view, shared with its runs
        self._forget = forget  # cancels a listener's runs and drops what is kept of it
        self._installed: dict[str, Rendered] = {}
        self._kept: dict[str, set[str]] = {}  # per slot, the ids whose value the last render kept
        #: Per slot, the ids of its previous render that this one dropped: the page may still
        #: show them until the new sub-layout arrives.
        self._retired: dict[str, frozenset[str]] = {}
        self._functions: dict[str, BoundFunction] = {}

    def install(self, rendered: Rendered) -> Graph:
        """Show ``rendered`` in its slot instead of the previous render; the session's graph."""
        slot = rendered.slot.id
        previous = self._installed.get(slot)
        self._check_ids(rendered, previous)
        kept: set[str] = set()
        if previous is not None:
            for function in previous.functions:
                self._forget(function.id)
                self._functions.pop(function.id, None)
            kept = self._carry(previous, rendered)
            for cid in previous.components:
                if cid not in kept:
                    self._store.drop(cid)
                    self._components.pop(cid, None)
        for cid, component in rendered.components.items():
            if cid not in kept:
                self._store.add(cid, component.initial_python_value())
                self._components[cid] = component
        for function in rendered.functions:
            self._functions[function.id] = function
        self._installed[slot] = rendered
        self._kept[slot] = kept
        if previous is not None:
            self._retired[slot] = frozenset(previous.components) - set(rendered.components)
        return Graph.of([*self._frozen, *self._functions.values()])

    def _check_ids(self, rendered: Rendered, previous: Rendered | None) -> None:
        """Two slots' renders (or a render and the app) cannot share an ``elem_id``."""
        for cid in rendered.components:
            if cid in self._components and (previous is None or cid not in previous.components):
                raise OutputError(
                    f"{rendered.slot.id!r} made a component with elem_id={cid!r}, which another "
                    f"component of the page already has: give each a unique elem_id."
                )

    def _carry(self, previous: Rendered, rendered: Rendered) -> set[str]:
        """Keyed components made again: what they keep from the previous render (Gradio's
        ``preserved_by_key``). Returns the ids whose value the store keeps."""
        kept: set[str] = set()
        for cid, component in rendered.components.items():
            before = self._components.get(cid)
            if component.key is None or cid not in previous.components or before is None:
                continue
            if type(before) is not type(component):
                continue
            preserved = set(component.preserved_by_key)
            changed = copy.copy(component)
            for name in preserved - {"value"}:
                if hasattr(before, name):
                    changed.set_prop(name, getattr(before, name))
            rendered.components[cid] = changed
            if "value" in preserved and self._store.shown(cid)[0]:  # else: the new value
                kept.add(cid)
                self._components[cid] = changed
        return kept

    def wire(self, slot: str) -> dict[str, Any] | None:
        """The slot's sub-layout as the page should draw it now (None: nothing rendered)."""
        rendered = self._installed.get(slot)
        if rendered is None:
            return None
        wire = render.describe(rendered, self._components, self._store.shown)
        # The page may keep these components' views as they are (focus, a played file).
        wire["kept"] = sorted(self._kept.get(slot, ()))
        return wire

    def retired(self, component_id: str) -> bool:
        """``component_id`` was in a slot's previous render, and is in none now."""
        return any(component_id in ids for ids in self._retired.values())

    def function(self, function_id: str) -> BoundFunction | None:
        return self._functions.get(function_id)

    def slots(self) -> Iterator[str]:
        return iter(self._installed)

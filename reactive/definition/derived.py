"""Events that follow from a new input value: a file uploaded or cleared, a choice picked.

The page sends a plain ``input``; for a component with an ``.upload``, ``.clear``, (for the
choice components) ``.select``, (for a File) ``.delete`` or (an image editor) ``.apply``
listener, the session asks
:func:`derived_events` which of them the new value starts, and with what event data.
Components without such listeners never get here (the graph lists the ones that have them),
so typing in a textbox pays nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reactive.components.base import Component
from reactive.components.choice import Checkbox, _Choices
from reactive.components.image_editor import ImageEditor


def derives_select(component: Component) -> bool:
    """Its ``.select`` follows from its value (a choice picked); else the page sends it."""
    return isinstance(component, _Choices | Checkbox)


def derived_events(
    component: Component, events: frozenset[str], wire: Any, previous: Any, before: Any = None
) -> list[tuple[str, Any]]:
    """The (event, data) pairs the new page value ``wire`` starts, among ``events``
    (``before``: the Python value it replaces, for a file's ``.delete``)."""
    if isinstance(component, ImageEditor):  # a new picture, a stroke or a clear: its own rule
        return [(e, None) for e in component.edit_events(wire) if e in events]
    empty = wire is None or wire == [] or wire == ""
    fired: list[tuple[str, Any]] = []
    only_removed = False
    if "delete" in events:
        removed, added = _file_changes(before, wire)
        fired += [("delete", data) for data in removed]
        only_removed = bool(removed) and not added  # a file taken out is not an upload
    if "upload" in events and not empty and not only_removed:
        fired.append(("upload", None))
    if "clear" in events and empty:
        fired.append(("clear", None))
    if "select" in events and derives_select(component):
        data = _select_data(component, wire, previous)
        if data is not None:
            fired.append(("select", data))
    return fired


def _file_changes(before: Any, wire: Any) -> tuple[list[dict[str, Any]], list[Any]]:
    """The files of ``before`` (paths) that the page's new value no longer names, and the
    names it adds."""
    paths = before if isinstance(before, list) else [] if before is None else [before]
    items = wire if isinstance(wire, list) else [wire]
    names = [item.get("name") for item in items if isinstance(item, dict)]
    removed: list[dict[str, Any]] = []
    for path in paths:
        if not isinstance(path, str):
            continue  # a binary File's bytes: no path to report
        name = Path(path).name
        if name in names:
            names.remove(name)
        else:
            size = Path(path).stat().st_size if Path(path).is_file() else None
            removed.append({"path": path, "orig_name": name, "size": size})
    return removed, names


def _select_data(component: Component, wire: Any, previous: Any) -> dict[str, Any] | None:
    if isinstance(component, Checkbox):
        return {"index": None, "value": component.label, "selected": bool(wire)}
    assert isinstance(component, _Choices)
    values = [value for _, value in component.choices]
    if isinstance(wire, list):  # several chosen: the one that was added or removed
        before = previous if isinstance(previous, list) else []
        added = [v for v in wire if v not in before]
        removed = [v for v in before if v not in wire]
        if added:
            return _choice(values, added[-1], True)
        return _choice(values, removed[-1], False) if removed else None
    return None if wire is None else _choice(values, wire, True)


def _choice(values: list[Any], value: Any, selected: bool) -> dict[str, Any]:
    index = values.index(value) if value in values else None
    return {"index": index, "value": value, "selected": selected}

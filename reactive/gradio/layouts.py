"""Gradio's layout blocks used on their own inside ``gr.Blocks``: ``with gr.Row(): ...``.

Each is the matching :mod:`reactive.definition.layout` block, attached to the innermost block of
the active Blocks app when it is made. ``gr.Tab`` outside a ``gr.Tabs`` joins the tabs right
before it (or starts new ones), as in Gradio.
"""

from __future__ import annotations

from typing import Any

from reactive import runcontext
from reactive.components.base import given_arguments, warn_unsupported
from reactive.components.listeners import NOT_SET
from reactive.definition import layout
from reactive.definition.update import PropUpdate
from reactive.errors import DefinitionError
from reactive.gradio.block_output import output_of
from reactive.gradio.blocks import active_blocks, defining
from reactive.gradio.events import Host

#: Accepted and ignored: how Gradio sizes or renders a block, not what it holds.
_COSMETIC = {"variant", "render", "key", "preserved_by_key", "show_progress", "height",
             "max_height", "min_height"}  # fmt: skip


def _common(
    name: str, visible: bool, elem_id: str | None, elem_classes: Any, rest: dict[str, Any]
) -> dict[str, Any]:
    unknown = {k: v for k, v in rest.items() if k not in _COSMETIC}
    if unknown:
        warn_unsupported(name, unknown)
    return {"visible": visible, "elem_id": elem_id, "elem_classes": elem_classes}


class _AnUpdateWhenReturned:
    """Made while a function runs (no Blocks is being defined), a block is Gradio's way to
    change the block it is returned for: ``return gr.Column(visible=False)``."""

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        if runcontext.current.get() is None or defining():
            return super().__new__(cls)  # defined: inside a Blocks, or refused by __init__
        return PropUpdate(given_arguments(cls.__init__, args, kwargs))


class Row(_AnUpdateWhenReturned, layout.Row):
    """Children side by side (``equal_height=True`` stretches them to one height)."""

    def __init__(
        self,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        equal_height: bool = False,
        **rest: Any,
    ) -> None:
        blocks = active_blocks("gr.Row()")
        common = _common("Row", visible, elem_id, elem_classes, rest)
        super().__init__(blocks, equal_height=equal_height or None, **common)
        blocks.attach(self)


class Column(_AnUpdateWhenReturned, layout.Column):
    """Children stacked; in a row, ``scale`` is its share of the width, ``min_width`` its least."""

    def __init__(
        self,
        scale: int = 1,
        min_width: int = 320,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        **rest: Any,
    ) -> None:
        blocks = active_blocks("gr.Column()")
        common = _common("Column", visible, elem_id, elem_classes, rest)
        super().__init__(blocks, scale=scale, min_width=min_width, **common)
        blocks.attach(self)


class Group(_AnUpdateWhenReturned, layout.Group):
    """Children drawn close together in one frame."""

    def __init__(
        self,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        **rest: Any,
    ) -> None:
        blocks = active_blocks("gr.Group()")
        super().__init__(blocks, **_common("Group", visible, elem_id, elem_classes, rest))
        blocks.attach(self)


class Accordion(_AnUpdateWhenReturned, layout.Accordion):
    """A titled section that opens and closes (``open=False`` starts closed)."""

    def __init__(
        self,
        label: str | None = None,
        *,
        open: bool = True,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        **rest: Any,
    ) -> None:
        blocks = active_blocks("gr.Accordion()")
        common = _common("Accordion", visible, elem_id, elem_classes, rest)
        super().__init__(blocks, label=label or "", open=open, **common)
        blocks.attach(self)


class Tabs(_AnUpdateWhenReturned, layout.Tabs):
    """Tabs; each child is a ``gr.Tab``. ``selected`` is a tab's ``id``, label or index."""

    def __init__(
        self,
        *,
        selected: str | int | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        **rest: Any,
    ) -> None:
        blocks = active_blocks("gr.Tabs()")
        common = _common("Tabs", visible, elem_id, elem_classes, rest)
        super().__init__(blocks, selected=selected, **common)
        self.implicit = False
        blocks.attach(self)

    def add(self, child: layout.Block | Any) -> None:
        super().add(child)
        selected = self.props.get("selected")
        if isinstance(child, Tab) and child.tab_id is not None and child.tab_id == selected:
            self.props["selected"] = len(self.children) - 1  # a tab's id: the client counts

    def select(self, fn: Any = NOT_SET, inputs: Any = None, outputs: Any = None, **kw: Any) -> Any:
        """Run ``fn`` when the person opens any of these tabs (``gr.SelectData``: its index and
        label); bound to the tabs made so far, so call it after the ``with gr.Tabs():``."""
        blocks = active_blocks("tabs.select(...)")
        tabs = [child for child in self.children if isinstance(child, Tab)]
        if not tabs:
            raise DefinitionError(
                "tabs.select(...) binds to the tabs' gr.Tab children: call it after "
                "`with gr.Tabs():` has made them."
            )
        triggers = [(output_of(blocks, tab), "select") for tab in tabs]
        return blocks.listen(triggers, fn, {"inputs": inputs, "outputs": outputs, **kw})


class Tab(_AnUpdateWhenReturned, layout.Tab):
    """One page of tabs: ``with gr.Tab("Name"):``; outside ``gr.Tabs`` it joins the tabs just
    before it, or starts new ones."""

    def __init__(
        self,
        label: str | None = None,
        *,
        visible: bool = True,
        interactive: bool = True,
        id: str | int | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        **rest: Any,
    ) -> None:
        blocks = active_blocks("gr.Tab()")
        common = _common("Tab", visible, elem_id, elem_classes, rest)
        # interactive=False: its title is drawn but cannot be clicked (a function may enable it)
        enabled = None if interactive else False
        super().__init__(blocks, label=label or "", interactive=enabled, **common)
        self.tab_id = id
        _tabs_for(blocks).add(self)

    def select(self, fn: Any = NOT_SET, inputs: Any = None, outputs: Any = None, **kw: Any) -> Any:
        """Run ``fn`` when the person opens this tab (``gr.SelectData``: index and label)."""
        blocks = active_blocks("tab.select(...)")
        stand_in = output_of(blocks, self)
        return blocks.listen(
            [(stand_in, "select")], fn, {"inputs": inputs, "outputs": outputs, **kw}
        )


TabItem = Tab


class Walkthrough(Tabs):
    """Steps shown one at a time, their numbered titles in a row above (Gradio's stepper):
    ``with gr.Walkthrough(selected=0) as w: with gr.Step("Image", id=0): ...``; a function
    returning ``gr.Walkthrough(selected=1)`` for ``outputs=w`` moves to that step."""

    def __init__(
        self,
        *,
        selected: int | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        **rest: Any,
    ) -> None:
        super().__init__(
            selected=selected, visible=visible, elem_id=elem_id, elem_classes=elem_classes,
            **rest,
        )  # fmt: skip
        self.props["walkthrough"] = True


class Step(Tab):
    """One step of a ``gr.Walkthrough``; ``id`` is the number ``selected`` names it by."""

    def __init__(
        self,
        label: str | None = None,
        *,
        visible: bool = True,
        id: int | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        **rest: Any,
    ) -> None:
        parent = active_blocks("gr.Step()").current_block()
        if not isinstance(parent, Walkthrough):
            raise DefinitionError(
                f"gr.Step({label!r}) must be inside `with gr.Walkthrough():`, not in {parent!r}."
            )
        super().__init__(label, visible=visible, id=id, elem_id=elem_id,
                         elem_classes=elem_classes, **rest)  # fmt: skip


def _tabs_for(blocks: Host) -> layout.Tabs:
    """The Tabs a new Tab goes in: the current block, or implicit tabs right before it."""
    parent = blocks.current_block()
    if isinstance(parent, layout.Tabs):
        return parent
    last = parent.children[-1] if parent.children else None
    if isinstance(last, _ImplicitTabs):
        return last
    tabs = _ImplicitTabs(blocks)
    parent.add(tabs)
    return tabs


class _ImplicitTabs(layout.Tabs):
    """The tabs Gradio makes for ``gr.Tab`` blocks written without ``gr.Tabs``."""


class Sidebar(layout.Column):
    """Gradio's ``gr.Sidebar``: its children in a column (drawn in the page's flow, first where
    it is written, not as a panel that slides over the page): ``label`` and ``open=False`` are
    not drawn, and warn that they are ignored."""

    def __init__(
        self,
        label: str | None = None,
        open: bool = True,
        *,
        visible: bool = True,
        position: str = "left",
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        **rest: Any,
    ) -> None:
        if position not in ("left", "right"):
            raise DefinitionError(f"Sidebar position must be 'left' or 'right', got {position!r}.")
        blocks = active_blocks("gr.Sidebar()")
        drawn_as_column = {"label": label, "open": open} if label or not open else {}
        common = _common("Sidebar", visible, elem_id, elem_classes, rest | drawn_as_column)
        super().__init__(blocks, scale=1, min_width=240, **common)
        blocks.attach(self)


class Draggable(_AnUpdateWhenReturned, layout.Draggable):
    """Gradio's ``gr.Draggable``: its children drawn in a row (``orientation="row"``) or a column,
    each with a handle to drag it to another place among them (the order lives in the page)."""

    def __init__(
        self,
        orientation: str = "column",
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        **rest: Any,
    ) -> None:
        if orientation not in ("row", "column"):
            raise DefinitionError(
                f"Draggable orientation must be 'row' or 'column', got {orientation!r}."
            )
        blocks = active_blocks("gr.Draggable()")
        common = _common("Draggable", visible, elem_id, elem_classes, rest)
        super().__init__(blocks, orientation=orientation, **common)
        blocks.attach(self)

"""A layout block as a listener's output: ``col.click(..., outputs=column)`` returning
``gr.update(visible=True)`` shows the column, as in Gradio.

The block gets a stand-in component (``layoutblock``): not drawn itself, it carries the block's
properties, so ``gr.update`` on it goes through the usual property path and a resumed page is
redrawn with them. The page's view applies ``visible`` to the block's element (and, for a tab,
``label`` and ``interactive`` to its title).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from reactive.components import placement
from reactive.components.base import Component
from reactive.definition import layout
from reactive.errors import OutputError

if TYPE_CHECKING:
    from reactive.gradio.events import Host


class BlockOutput(Component):
    """Stands for one layout block among a function's outputs (its ``visible``)."""

    type = "layoutblock"
    accepts_input: ClassVar[bool] = False

    def __init__(self, target: str, visible: bool, **props: Any) -> None:
        with placement.detached():  # registered by the app, never placed in the layout
            super().__init__(None, visible=visible, **props)
        self.target = target

    def extra_props(self) -> dict[str, Any]:
        return {"target": self.target}


class TabsOutput(BlockOutput):
    """Stands for ``gr.Tabs`` / ``gr.Walkthrough``: ``gr.Tabs(selected=...)`` returned from a
    function opens that tab (a tab's ``id``, its label, or its index)."""

    updatable: ClassVar[frozenset[str]] = frozenset({"selected"})

    def __init__(self, target: str, visible: bool, tabs: layout.Tabs) -> None:
        super().__init__(target, visible)
        self.tabs = tabs
        self.selected: int | str | None = None

    def set_prop(self, name: str, value: Any) -> None:
        if name != "selected":
            super().set_prop(name, value)
            return
        ids = [getattr(child, "tab_id", None) for child in self.tabs.children]
        self.selected = ids.index(value) if value is not None and value in ids else value

    def extra_props(self) -> dict[str, Any]:
        extra = super().extra_props()
        return extra if self.selected is None else {**extra, "selected": self.selected}


class TabOutput(BlockOutput):
    """Stands for one ``gr.Tab``: ``gr.Tab("Practice", interactive=True, id=1)`` returned from a
    function relabels it or enables its title. Gradio's update names the tab's ``id`` again (the
    demos rebuild the whole tab); its own id is accepted, another one refused (ids are fixed)."""

    updatable: ClassVar[frozenset[str]] = frozenset({"id"})

    def __init__(self, target: str, visible: bool, tab: layout.Block) -> None:
        # None (a tab's default) is enabled: said outright, as a stand-in's own None reads as a
        # display-only component's False and would disable the title
        enabled = tab.props.get("interactive") is not False
        super().__init__(target, visible, label=tab.props.get("label"), interactive=enabled)
        self.tab_id = getattr(tab, "tab_id", None)

    def wire_props(self, names: set[str]) -> dict[str, Any]:
        return super().wire_props(names - {"id"})  # the page never needs it

    def set_prop(self, name: str, value: Any) -> None:
        if name != "id":
            super().set_prop(name, value)
        elif value != self.tab_id:
            raise OutputError(
                f"rx.update() for {self!r}: a tab's id is fixed when it is made "
                f"(it is {self.tab_id!r}, the update says {value!r}); leave id= out to change "
                "the tab's other properties."
            )


def output_of(blocks: Host, block: layout.Block) -> Component:
    """The block's stand-in, made and registered on first use; the block gets a DOM id."""
    if block.output is None:
        target = block.props.get("elem_id") or blocks.unique_id(f"{block.type}-block")
        block.props["elem_id"] = target
        visible = bool(block.props.get("visible", True))
        stand_in: BlockOutput
        if isinstance(block, layout.Tabs):
            stand_in = TabsOutput(str(target), visible, block)
        elif isinstance(block, layout.Tab):
            stand_in = TabOutput(str(target), visible, block)
        else:
            stand_in = BlockOutput(str(target), visible)
        block.output = stand_in
        blocks.register(block.output)
    return block.output

"""A layout block as a listener's output: ``col.click(..., outputs=column)`` returning
``gr.update(visible=True)`` shows the column, as in Gradio.

The block gets a stand-in component (``layoutblock``): not drawn itself, it carries the block's
properties, so ``gr.update`` on it goes through the usual property path and a resumed page is
redrawn with them. The page's view applies ``visible`` to the block's element.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from reactive.components import placement
from reactive.components.base import Component
from reactive.definition import layout

if TYPE_CHECKING:
    from reactive.gradio.events import Host


class BlockOutput(Component):
    """Stands for one layout block among a function's outputs (its ``visible``)."""

    type = "layoutblock"
    accepts_input: ClassVar[bool] = False

    def __init__(self, target: str, visible: bool) -> None:
        with placement.detached():  # registered by the app, never placed in the layout
            super().__init__(None, visible=visible)
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


def output_of(blocks: Host, block: layout.Block) -> Component:
    """The block's stand-in, made and registered on first use; the block gets a DOM id."""
    if block.output is None:
        target = block.props.get("elem_id") or blocks.unique_id(f"{block.type}-block")
        block.props["elem_id"] = target
        visible = bool(block.props.get("visible", True))
        block.output = (
            TabsOutput(str(target), visible, block)
            if isinstance(block, layout.Tabs)
            else BlockOutput(str(target), visible)
        )
        blocks.register(block.output)
    return block.output

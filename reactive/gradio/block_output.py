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


def output_of(blocks: Host, block: layout.Block) -> Component:
    """The block's stand-in, made and registered on first use; the block gets a DOM id."""
    if block.output is None:
        target = block.props.get("elem_id") or blocks.unique_id(f"{block.type}-block")
        block.props["elem_id"] = target
        block.output = BlockOutput(str(target), bool(block.props.get("visible", True)))
        blocks.register(block.output)
    return block.output

"""The layout-block methods of an app: ``with app.row():``, ``app.tabs()``, ``app.tab(...)``.

A mixin of :class:`reactive.definition.app.App` (and so of ``gr.Blocks``): each method makes a
block owned by the app and attaches it where the innermost ``with`` block is, or at the end of
the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from reactive.definition.layout import Accordion, Block, Column, Group, Row, Tab, Tabs, active
from reactive.errors import DefinitionError

if TYPE_CHECKING:
    from reactive.components import Component

B = TypeVar("B", bound=Block)


class LayoutBuilder:
    """``row`` / ``column`` / ``group`` / ``tabs`` / ``tab`` / ``accordion`` for an app."""

    #: Where components appear on the page (the app's root column).
    layout: Column

    def adopt(self, component: Component, block: Block) -> None:
        """A component created inside ``block``: the app places it there (App implements it)."""
        raise NotImplementedError

    def row(
        self,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        equal_height: bool = False,
    ) -> Row:
        """Children side by side: ``with app.row(): ...``."""
        block = Row(
            self,
            visible=visible,
            elem_id=elem_id,
            elem_classes=elem_classes,
            equal_height=equal_height or None,
        )
        return self._attach(block)

    def column(
        self,
        scale: int = 1,
        min_width: int = 160,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
    ) -> Column:
        """Children stacked; in a row, ``scale`` is its share of the width."""
        block = Column(
            self,
            visible=visible,
            elem_id=elem_id,
            elem_classes=elem_classes,
            scale=scale,
            min_width=min_width,
        )
        return self._attach(block)

    def group(
        self,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
    ) -> Group:
        """Children drawn close together in one frame."""
        block = Group(self, visible=visible, elem_id=elem_id, elem_classes=elem_classes)
        return self._attach(block)

    def tabs(
        self,
        *,
        selected: str | int | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
    ) -> Tabs:
        """Tabs: ``with app.tabs(): with app.tab("One"): ...``; ``selected`` names or counts."""
        block = Tabs(
            self, visible=visible, elem_id=elem_id, elem_classes=elem_classes, selected=selected
        )
        return self._attach(block)

    def tab(
        self,
        label: str,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
    ) -> Tab:
        """One tab of the enclosing ``app.tabs()``."""
        parent = self._current_block()
        if not isinstance(parent, Tabs):
            raise DefinitionError(
                f"app.tab({label!r}) must be inside `with app.tabs():`, not in {parent!r}."
            )
        block = Tab(
            self, visible=visible, elem_id=elem_id, elem_classes=elem_classes, label=label
        )
        return self._attach(block)

    def accordion(
        self,
        label: str,
        *,
        open: bool = True,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
    ) -> Accordion:
        """A titled section that opens and closes: ``with app.accordion("More", open=False):``."""
        block = Accordion(
            self,
            visible=visible,
            elem_id=elem_id,
            elem_classes=elem_classes,
            label=label,
            open=open,
        )
        return self._attach(block)

    def _attach(self, block: B) -> B:
        self._current_block().add(block)
        return block

    def _current_block(self) -> Block:
        block = active()
        return block if block is not None and block.owner is self else self.layout


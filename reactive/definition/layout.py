"""Layout blocks: rows, columns, tabs, accordions and groups that hold components where declared.

Example::

    with app.row():
        with app.column(scale=2):
            text = rx.Textbox()
        with app.column():
            out = rx.Text()

A component created inside a block is placed in it at once; one created elsewhere is placed where a
function first uses it (in the block active at that moment, or at the end of the page). On the
wire a block is a layout node ``{type, props, children}`` (docs/protocol.md).
"""

from __future__ import annotations

import contextvars
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, Self, cast

from reactive.components import placement
from reactive.errors import DefinitionError

if TYPE_CHECKING:
    from reactive.components.base import Component


class Owner(Protocol):
    """The app a block belongs to: it gives components their ids."""

    def adopt(self, component: Component, block: Block) -> None: ...


def active() -> Block | None:
    """The innermost block whose ``with`` is running, if any."""
    return cast("Block | None", placement.active())


class Block:
    """A layout node; use it as a context manager to place components inside."""

    type: ClassVar[str] = "column"

    def __init__(
        self,
        owner: Owner,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        **props: Any,
    ) -> None:
        self.owner = owner
        self.children: list[Block | Component] = []
        classes = [elem_classes] if isinstance(elem_classes, str) else elem_classes
        common = {"visible": visible, "elem_id": elem_id, "elem_classes": classes}
        self.props: dict[str, Any] = {k: v for k, v in {**common, **props}.items() if v is not None}
        #: The component standing for this block as a function's output (``gr.update(visible=)``).
        self.output: Component | None = None
        self._tokens: list[contextvars.Token[placement.Placing | None]] = []

    def add(self, child: Block | Component) -> None:
        self.children.append(child)

    def holds(self, component: Component) -> bool:
        """Whether ``component`` is placed in this block or one inside it."""
        return any(
            child is component or (isinstance(child, Block) and child.holds(component))
            for child in self.children
        )

    def place(self, component: Component) -> None:
        """A component created inside this block: its app places it here at once."""
        self.owner.adopt(component, self)

    def nest(self, elem_id: str) -> Column:
        column = Column(self.owner, elem_id=elem_id)
        self.add(column)
        return column

    def __enter__(self) -> Self:
        self._tokens.append(placement.enter(self))
        return self

    def __exit__(self, *exc: object) -> None:
        placement.leave(self._tokens.pop())

    def describe(self) -> dict[str, Any]:
        children: list[Any] = []
        for child in self.children:
            children.append(child.describe() if isinstance(child, Block) else child.id)
        return {"type": self.type, "props": dict(self.props), "children": children}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.props.get('label', '')!r})"


class Column(Block):
    """Children stacked top to bottom; in a row, ``scale`` sets its share of the width."""

    type = "column"


class Row(Block):
    """Children side by side (wrapping on narrow screens), their top edges aligned."""

    type = "row"


class Draggable(Block):
    """Children the person may reorder by dragging, side by side or stacked (``orientation``)."""

    type = "draggable"


class Group(Block):
    """Children drawn close together in one frame."""

    type = "group"


class Tab(Block):
    """One page of a :class:`Tabs` block."""

    type = "tab"


class Tabs(Block):
    """Tabs; each child is a :class:`Tab` made with ``app.tab("Name")``."""

    type = "tabs"

    def add(self, child: Block | Component) -> None:
        if not isinstance(child, Tab):
            raise DefinitionError(
                f"Only tabs go directly inside app.tabs(), got {child!r}: wrap it in "
                f"`with app.tab('Name'):`."
            )
        super().add(child)


class Accordion(Block):
    """A titled section that opens and closes (``open=False`` starts closed)."""

    type = "accordion"

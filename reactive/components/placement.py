"""Where a new component goes: into the layout block whose ``with`` is running, if any.

The blocks live in ``reactive.definition.layout``; a component only has to tell the active block
that it exists. Keeping that one context variable here lets definitions use components without
components importing definitions.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reactive.components.base import Component


class Placing(Protocol):
    """A layout block as components see it: it places a component created inside it."""

    def place(self, component: Component) -> None: ...

    def nest(self, elem_id: str) -> Placing:
        """A new column inside this block, after what it holds (``with gr.HTML(...):``)."""
        ...


_active: contextvars.ContextVar[Placing | None] = contextvars.ContextVar(
    "reactive_layout_block", default=None
)


def active() -> Placing | None:
    """The innermost block whose ``with`` is running, if any."""
    return _active.get()


def enter(block: Placing) -> contextvars.Token[Placing | None]:
    """Make ``block`` the active one until :func:`leave` is called with the token."""
    return _active.set(block)


def leave(token: contextvars.Token[Placing | None]) -> None:
    _active.reset(token)


def created(component: Component) -> None:
    """Called by every new component: inside a block, its app places it there at once."""
    block = _active.get()
    if block is not None:
        block.place(component)


@contextmanager
def detached() -> Iterator[None]:
    """Components made in here are placed nowhere (a stand-in the app registers itself)."""
    token = _active.set(None)
    try:
        yield
    finally:
        _active.reset(token)

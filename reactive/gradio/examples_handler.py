"""``interface.examples_handler``: an Interface's examples as a ``gr.Examples`` table.

An Interface draws its examples from its function's ``examples`` (a table the page builds under
the inputs; a click asks the server to fill them). Gradio hands them out as a ``gr.Examples``
whose ``.dataset`` a listener may change (``return gr.Dataset(samples=[...])``), so on first
use of ``examples_handler`` the table becomes a ``gr.Examples`` component in the same column:
a click fills the inputs in the page, and new samples replace the rows for that session.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from reactive.components import placement
from reactive.components.dataset import Examples
from reactive.definition import layout
from reactive.definition.graph import BoundFunction
from reactive.errors import DefinitionError


def examples_table(owner: Any, bound: BoundFunction, rows: Sequence[Any]) -> Examples:
    """Replace ``bound``'s examples with a ``gr.Examples`` in their column of ``owner``."""
    examples = bound.examples
    if examples is None:
        raise DefinitionError(
            "interface.examples_handler: this Interface has no examples; give examples=[...]."
        )
    if examples.run_on_click:
        raise DefinitionError(
            "interface.examples_handler with cache_examples=True is not supported: the table "
            "would fill the inputs without running the function. Leave caching off."
        )
    column = _block(owner.layout, examples.at)
    with placement.detached():
        table = Examples(list(rows), inputs=examples.columns, label="Examples")
    owner.adopt(table, column)
    bound.examples = None  # the page draws the table as this component from now on
    return table


def _block(root: layout.Block, elem_id: str | None) -> layout.Block:
    """The block with ``elem_id`` (the Interface's inputs column), else the page itself."""
    return next((b for b in _blocks(root) if b.props.get("elem_id") == elem_id), root)


def _blocks(root: layout.Block) -> Iterator[layout.Block]:
    yield root
    for child in root.children:
        if isinstance(child, layout.Block):
            yield from _blocks(child)

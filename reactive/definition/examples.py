"""Examples of a function: rows of input values the page shows as a table; a click fills them in.

Each value is checked and converted when the app is defined (a wrong one raises DefinitionError
at import time): it is turned into its wire value the way a result would be, so a click sends it
to the page and gives the function exactly what it would get had the person entered it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reactive.components.base import Component
from reactive.components.dataset import sample_row, sample_wire
from reactive.errors import DefinitionError


@dataclass(frozen=True, slots=True)
class Examples:
    columns: list[Component]  # the function's inputs that the page can set
    values: list[list[Any]]  # as the app author wrote them
    wires: list[list[Any]]  # as the page shows them
    cells: list[list[Any]]  # as the examples table shows them (made once: thumbnails cost)
    run_on_click: bool
    at: str | None = None  # the elem_id of the layout block to show the table in

    def describe(self) -> dict[str, Any]:
        where = {} if self.at is None else {"at": self.at}
        return where | {
            "inputs": [c.id for c in self.columns],
            "headers": [c.label or c.id for c in self.columns],
            "rows": self.cells,
            "run": self.run_on_click,
        }


def make_examples(inputs: list[Component], rows: Sequence[Any], run_on_click: bool) -> Examples:
    """Check ``rows`` against ``inputs`` and convert each value once."""
    columns = [c for c in inputs if c.on_page and c.accepts_input and c.example_column]
    if not columns:
        raise DefinitionError("examples= needs at least one input the page can set.")
    values = [sample_row(columns, row, index) for index, row in enumerate(rows)]
    wires = [
        [sample_wire(c, v, i) for c, v in zip(columns, row, strict=True)]
        for i, row in enumerate(values)
    ]
    cells = [[c.example_cell(v) for c, v in zip(columns, row, strict=True)] for row in values]
    return Examples(columns, values, wires, cells, run_on_click)

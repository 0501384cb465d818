"""DataFrame: a table in and out; pandas is optional, a list of lists always works.

On the wire a table is ``{headers: [str], data: [[cell]]}`` with cells str, number, bool or nil,
and ``styles: [[css | nil]]`` when the value was a pandas Styler (table_styles.py).
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Literal

from reactive.components.base import Component, require_type
from reactive.components.data import to_plain
from reactive.components.table_styles import is_styler, styler_cells
from reactive.errors import DefinitionError, OutputError

TableType = Literal["pandas", "numpy", "array", "polars"]
DataType = Literal["str", "number", "bool", "date", "markdown", "html"]

MAX_CELLS = 100_000


def has_pandas() -> bool:
    return importlib.util.find_spec("pandas") is not None


class DataFrame(Component):
    """A table. Output: a pandas DataFrame, a numpy 2-D array, a list of lists (or of dicts), or
    a dict of columns. Input (``interactive=True``): the function receives a pandas DataFrame
    (``type="pandas"``; the default when pandas is installed), a numpy array (``"numpy"``) or a
    list of lists (``"array"``; the default without pandas). ``datatype`` ("str", "number",
    "bool", one or one per column) converts the cells the person typed.
    """

    type = "dataframe"
    updatable: ClassVar[frozenset[str]] = frozenset({"headers", "datatype", "max_height"})

    def __init__(
        self,
        value: Any = None,
        *,
        headers: Sequence[str] | None = None,
        datatype: DataType | Sequence[DataType] = "str",
        type: TableType | None = None,
        label: str | None = None,
        max_height: int = 500,
        row_count: int | tuple[int, str] = (1, "dynamic"),
        col_count: int | tuple[int, str] | None = None,
        wrap: bool = False,
        **kwargs: Any,
    ) -> None:
        if type not in (None, "pandas", "numpy", "array", "polars"):
            raise DefinitionError(
                f"DataFrame type must be 'pandas', 'numpy', 'array' or 'polars': {type!r}."
            )
        for needed in ("pandas", "polars"):
            if type == needed and importlib.util.find_spec(needed) is None:
                raise DefinitionError(
                    f"DataFrame(type={needed!r}) needs {needed}: `pip install {needed}`, "
                    f"or use type='array' (a list of lists)."
                )
        self.row_count, self.rows_fixed = _count("row_count", row_count)
        self.col_count: int | None = None
        self.cols_fixed = False
        if col_count is not None:
            self.col_count, self.cols_fixed = _count("col_count", col_count)
        super().__init__(value, label=label, **kwargs)
        self.headers = list(headers) if headers is not None else None
        self.datatype = datatype
        self.table_type: TableType = type or ("pandas" if has_pandas() else "array")
        self.max_height = max_height

    def extra_props(self) -> dict[str, Any]:
        return {
            "datatype": self.datatype,
            "max_height": self.max_height,
            "rows_fixed": self.rows_fixed,
            "cols_fixed": self.cols_fixed,
            "add_columns": self.col_count is not None and not self.cols_fixed,
        }

    def initial_wire_value(self) -> Any:
        return self.postprocess(self.value)

    def initial_python_value(self) -> Any:
        table = self.postprocess(self.value)
        table.pop("styles", None)
        return self.preprocess(table)

    # ---------------------------------------------------------------- results → page

    def postprocess(self, value: Any) -> dict[str, Any]:
        if is_styler(value):
            return self._styled(value)
        headers, rows = self._table(value)
        width = max([len(headers), *(len(r) for r in rows)], default=0)
        if not rows:  # an empty table shows row_count × col_count blank cells, as in Gradio
            width = max(width, self.col_count or 0)
            rows = [[] for _ in range(self.row_count)] if width else []
        if len(rows) * max(width, 1) > MAX_CELLS:
            raise OutputError(f"{self!r}: {len(rows)}x{width} is over {MAX_CELLS} cells.")
        headers = headers + [str(i + 1) for i in range(len(headers), width)]
        data = [[_cell(c) for c in row] + [None] * (width - len(row)) for row in rows]
        return {"headers": headers, "data": data}

    def _styled(self, styler: Any) -> dict[str, Any]:
        table = self.postprocess(styler.data)
        cells = styler_cells(styler)
        if cells:
            table["styles"] = [
                [cells.get((r, c)) for c in range(len(row))] for r, row in enumerate(table["data"])
            ]
        return table

    def _table(self, value: Any) -> tuple[list[str], list[list[Any]]]:
        own = list(self.headers or [])
        if value is None:
            return own, []
        if hasattr(value, "columns") and hasattr(value, "iloc"):  # pandas, duck-typed
            cells = [value.iloc[:, i].tolist() for i in range(len(value.columns))]  # dtypes kept
            return [str(c) for c in value.columns], [list(r) for r in zip(*cells, strict=True)]
        if hasattr(value, "columns") and hasattr(value, "to_numpy"):  # other DataFrame-likes
            return [str(c) for c in value.columns], value.to_numpy().tolist()
        if isinstance(value, Mapping):
            if "data" in value:
                return [str(h) for h in value.get("headers") or own], _rows(value["data"])
            columns = {str(k): list(v) for k, v in value.items()}
            length = max((len(v) for v in columns.values()), default=0)
            rows = [
                [col[i] if i < len(col) else None for col in columns.values()]
                for i in range(length)
            ]
            return list(columns), rows
        tolist = getattr(value, "tolist", None)
        if callable(tolist):  # numpy
            value = tolist()
        if isinstance(value, list | tuple):
            if value and all(isinstance(r, Mapping) for r in value):
                names = list(dict.fromkeys(str(k) for r in value for k in r))
                return names, [[r.get(n) for n in names] for r in value]
            return own, _rows(value)
        raise OutputError(
            f"{self!r} shows a DataFrame, an array, a list of lists or a dict of columns; "
            f"got {type(value).__name__}."
        )

    # ---------------------------------------------------------------- page → function

    def preprocess(self, value: Any) -> Any:
        require_type(self, value, (dict,), "a table {headers, data}")
        headers, data = value.get("headers"), value.get("data")
        if not isinstance(headers, list) or not all(isinstance(h, str) for h in headers):
            raise self.invalid("the table's headers must be a list of strings.")
        if not isinstance(data, list) or not all(isinstance(r, list) for r in data):
            raise self.invalid("the table's data must be a list of rows.")
        rows = [self._row(row, len(headers), i) for i, row in enumerate(data)]
        return self._as_type(headers, rows)

    def _row(self, row: list[Any], width: int, index: int) -> list[Any]:
        if len(row) != width:
            raise self.invalid(f"row {index + 1} has {len(row)} cells, expected {width}.")
        return [self._convert(cell, column, index) for column, cell in enumerate(row)]

    def _convert(self, cell: Any, column: int, row: int) -> Any:
        kind = self._kind(column)
        if cell is None or isinstance(cell, bool | int | float):
            if isinstance(cell, float) and not math.isfinite(cell):
                raise self.invalid(f"cell ({row + 1}, {column + 1}) is not a finite number.")
            return cell
        if not isinstance(cell, str):
            raise self.invalid(f"cell ({row + 1}, {column + 1}) is a {type(cell).__name__}.")
        if kind == "number":
            return _number(self, cell, row, column)
        if kind == "bool":
            return str(cell).strip().lower() in ("true", "1", "yes", "y")
        return str(cell)

    def _kind(self, column: int) -> str:
        return self.datatype if isinstance(self.datatype, str) else _at(self.datatype, column)

    def _as_type(self, headers: list[str], rows: list[list[Any]]) -> Any:
        if self.table_type == "pandas":  # optional dependency, checked when the table was made
            pandas = importlib.import_module("pandas")
            frame = pandas.DataFrame(rows, columns=headers)
            for column, name in enumerate(headers):
                if self._kind(column) == "date":  # "2024-05-01" typed → a datetime64 column
                    frame[name] = pandas.to_datetime(frame[name], errors="coerce")
            return frame
        if self.table_type == "polars":  # optional too, checked when the table was made
            polars = importlib.import_module("polars")
            return polars.DataFrame(rows, schema=headers, orient="row")
        if self.table_type == "numpy":
            import numpy

            return numpy.array(rows, dtype=object)
        return rows


def _rows(data: Any) -> list[list[Any]]:
    rows = []
    for row in data:
        rows.append(list(row) if isinstance(row, list | tuple) else [row])
    return rows


def _cell(value: Any) -> Any:
    """A cell as the page shows it: missing values (None, NaN, pandas' NA and NaT) are blank,
    numbers and text stay, dates and anything else (Decimal, Timedelta, ...) become text."""
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if not isinstance(value, str | bytes) and hasattr(value, "item") and hasattr(value, "dtype"):
        value = value.item()  # a numpy scalar (datetime64 gives a datetime)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple | Mapping):
        return str(to_plain(value))
    return str(value)


def _count(name: str, count: int | tuple[int, str]) -> tuple[int, bool]:
    """``row_count`` / ``col_count``: ``n`` or ``(n, "fixed" | "dynamic")``."""
    number, mode = (count, "dynamic") if isinstance(count, int) else tuple(count)
    if not isinstance(number, int) or number < 0 or mode not in ("fixed", "dynamic"):
        raise DefinitionError(
            f"DataFrame {name} takes a count or (count, 'fixed' | 'dynamic'); got {count!r}."
        )
    return number, mode == "fixed"


def _at(kinds: Sequence[str], column: int) -> str:
    return kinds[column] if column < len(kinds) else "str"


def _number(table: DataFrame, cell: Any, row: int, column: int) -> float | int | None:
    text = str(cell).strip()
    if text == "":
        return None
    try:
        number = float(text)
    except ValueError:
        raise table.invalid(f"cell ({row + 1}, {column + 1}) {text!r} is not a number.") from None
    return int(number) if number.is_integer() and "." not in text else number


Dataframe = DataFrame

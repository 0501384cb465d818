"""LinePlot, BarPlot, ScatterPlot: charts of a table's columns, drawn by the page as SVG.

The value is a pandas DataFrame (duck typed, pandas is never imported here), a dict of columns
or a list of row dicts. On the wire a chart is its columns: ``{kind, x, y, color?, tooltip,
...titles}``, each column ``{name, type, values}`` with ``type`` "quantitative", "temporal"
(milliseconds since the epoch) or "nominal", so the page needs no charting library.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Literal

from reactive.components.base import Component
from reactive.components.data import to_plain
from reactive.errors import DefinitionError, OutputError

MAX_POINTS = 50_000
Aggregate = Literal["sum", "mean", "median", "min", "max", "count"]
_AGGREGATES: dict[str, Callable[[list[float]], float]] = {
    "sum": math.fsum,
    "mean": statistics.fmean,
    "median": statistics.median,
    "min": min,
    "max": max,
    "count": len,
}
Column = dict[str, Any]


class _NativePlot(Component):
    kind: ClassVar[str]
    accepts_input: ClassVar[bool] = False
    updatable: ClassVar[frozenset[str]] = frozenset({
        "x", "y", "color", "title", "x_title", "y_title", "x_lim", "y_lim", "color_map",
        "x_bin", "y_aggregate", "sort", "tooltip",
    })  # fmt: skip
    value_props = updatable  # each changes the chart drawn from the value

    def __init__(
        self,
        value: Any = None,
        x: str | None = None,
        y: str | None = None,
        *,
        color: str | None = None,
        title: str | None = None,
        x_title: str | None = None,
        y_title: str | None = None,
        tooltip: Literal["axis", "none", "all"] | Sequence[str] = "axis",
        x_lim: Sequence[float | dt.datetime | None] | None = None,
        y_lim: Sequence[float] | None = None,
        color_map: Mapping[str, str] | None = None,
        y_aggregate: Aggregate | None = None,
        sort: Literal["x", "y", "-x", "-y"] | Sequence[str] | None = None,
        height: int | None = None,
        caption: str | None = None,
        label: str | None = None,
        x_bin: Any = None,
        **kwargs: Any,
    ) -> None:
        name = type(self).__name__
        try:
            check_settings(x_bin, y_aggregate, x_lim, y_lim, sort)
        except ValueError as exc:
            raise DefinitionError(f"{name} {exc}") from None
        super().__init__(value, label=label, **kwargs)
        self.x, self.y, self.color = x, y, color
        self.title, self.x_title, self.y_title, self.caption = title, x_title, y_title, caption
        self.tooltip = tooltip
        self.x_lim, self.y_lim = x_lim, y_lim
        self.color_map = dict(color_map or {})
        self.y_aggregate = y_aggregate
        self.x_bin = x_bin
        self.sort = sort
        self.height = height

    def set_prop(self, name: str, value: Any) -> None:
        settings = {"x_bin": self.x_bin, "y_aggregate": self.y_aggregate, "x_lim": self.x_lim}
        settings |= {"y_lim": self.y_lim, "sort": self.sort, name: value}
        try:
            check_settings(**settings)
        except ValueError as exc:
            raise OutputError(f"rx.update() for {self!r}: {exc}") from None
        super().set_prop(name, value)

    def extra_props(self) -> dict[str, Any]:
        return {"height": self.height, "caption": self.caption}

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        if value is None:
            return None
        columns, dates = table_columns(value, self)
        x, y = self._axis(columns, self.x, "x"), self._axis(columns, self.y, "y")
        color = self._axis(columns, self.color, "color") if self.color else [None] * len(x)
        shown = self._tooltip(columns)
        extras = [c for c in shown if c not in (self.x, self.y, self.color)]
        if self.y_aggregate or self.x_bin is not None:  # a group's other cells: no one value
            extras = []
        rows = list(zip(x, y, color, *(columns[c] for c in extras), strict=True))
        if len(rows) > MAX_POINTS:
            raise OutputError(f"{self!r}: {len(rows)} points is over {MAX_POINTS}.")
        temporal_x = self.x in dates
        step = self._bin_step(temporal_x)
        if step is not None:
            rows = aggregate(bin_rows(rows, step), self.y_aggregate or "sum")
        elif self.y_aggregate:
            rows = aggregate(rows, self.y_aggregate)
        rows = self._sorted(rows)
        names = [self.x, self.y, self.color, *extras]
        chart: dict[str, Any] = {"kind": self.kind}
        for i, key in enumerate(("x", "y", "color")):
            if names[i] is not None:
                chart[key] = _column(names[i], dates, [r[i] for r in rows])
        chart["extra"] = [_column(n, dates, [r[3 + i] for r in rows]) for i, n in enumerate(extras)]
        chart["tooltip"] = [c for c in shown if c in names]
        chart |= {"title": self.title, "x_title": self.x_title or self.x}
        chart |= {"y_title": self.y_title or self.y, "color_map": self.color_map}
        chart |= {"x_lim": _limit(self.x_lim, temporal_x), "y_lim": _limit(self.y_lim, False)}
        if step is not None:
            chart["x_step"] = step
        return chart

    def _bin_step(self, temporal: bool) -> float | None:
        """``x_bin`` in the x column's wire units (milliseconds for times), or None."""
        if self.x_bin is None:
            return None
        if isinstance(self.x_bin, str):
            if not temporal:
                raise OutputError(
                    f"{self!r}: x_bin={self.x_bin!r} is a duration, but column {self.x!r} "
                    f"holds no times; give a number."
                )
            return duration_seconds(self.x_bin) * 1000
        return float(self.x_bin) * (1000 if temporal else 1)

    def _axis(self, columns: dict[str, list[Any]], name: str | None, what: str) -> list[Any]:
        if name is None:
            raise OutputError(f"{self!r} needs {what}=: the column to plot on that axis.")
        if name not in columns:
            raise OutputError(f"{self!r}: no column {name!r}; the table has {', '.join(columns)}.")
        return columns[name]

    def _tooltip(self, columns: dict[str, list[Any]]) -> list[str]:
        axes = [c for c in (self.x, self.y, self.color) if c]
        if self.tooltip == "none":
            return []
        if self.tooltip == "axis":
            return axes
        if self.tooltip == "all":
            return list(columns)
        return [c for c in self.tooltip if c in columns]

    def _sorted(self, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        sort = self.sort if self.sort is not None else ("x" if self.kind == "line" else None)
        if sort is None:
            return rows
        if not isinstance(sort, str):
            order = {name: i for i, name in enumerate(sort)}
            return sorted(rows, key=lambda r: order.get(str(r[0]), len(order)))
        index = 0 if sort.endswith("x") else 1
        return sorted(rows, key=lambda r: _sort_key(r[index]), reverse=sort.startswith("-"))


class LinePlot(_NativePlot):
    """Lines through a table's ``(x, y)`` points, one line per ``color`` group."""

    type = "nativeplot"
    kind = "line"


class ScatterPlot(_NativePlot):
    """A dot per row at ``(x, y)``, coloured by the ``color`` column."""

    type = "nativeplot"
    kind = "scatter"


class BarPlot(_NativePlot):
    """A bar per ``x`` value with height ``y``; ``color`` groups stack."""

    type = "nativeplot"
    kind = "bar"


def table_columns(value: Any, owner: Component) -> tuple[dict[str, list[Any]], set[str]]:
    """A table's columns as plain lists (dates → epoch ms, missing → None), and its date columns."""
    raw: dict[str, list[Any]]
    if hasattr(value, "columns") and hasattr(value, "__getitem__"):  # a pandas DataFrame
        raw = {str(c): value[c].tolist() for c in value.columns}
    elif isinstance(value, Mapping):
        raw = {str(k): list(vs) for k, vs in value.items()}
    elif isinstance(value, Sequence) and all(isinstance(r, Mapping) for r in value):
        names = list(dict.fromkeys(str(k) for row in value for k in row))
        raw = {n: [row.get(n) for row in value] for n in names}
    else:
        raise OutputError(
            f"{owner!r} plots a pandas DataFrame, a dict of columns or a list of row dicts; "
            f"got {type(value).__name__}."
        )
    dates = {n for n, vs in raw.items() if any(isinstance(v, dt.date) for v in vs)}
    return {n: [_cell(v) for v in vs] for n, vs in raw.items()}, dates


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value != value:  # NaT
            return None
        stamp = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return stamp.timestamp() * 1000
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC).timestamp() * 1000
    plain = to_plain(value)
    if isinstance(plain, float) and math.isnan(plain):
        return None
    return plain if plain is None or isinstance(plain, int | float | str | bool) else str(plain)


def _column(name: Any, dates: set[str], values: list[Any]) -> Column:
    kind = "temporal" if name in dates else column_type(values)
    return {"name": str(name), "type": kind, "values": values}


def column_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "quantitative"
    return "nominal"


def aggregate(rows: list[tuple[Any, ...]], how: str) -> list[tuple[Any, ...]]:
    """One row per (x, color) group, its y the group's ``how`` (sum, mean, ...)."""
    groups: dict[tuple[Any, Any], list[float]] = {}
    for row in rows:
        groups.setdefault((row[0], row[2]), []).append(row[1])
    combine = _AGGREGATES[how]
    return [(x, combine([v for v in ys if v is not None]), c) for (x, c), ys in groups.items()]


def bin_rows(rows: list[tuple[Any, ...]], step: float) -> list[tuple[Any, ...]]:
    """Each row's x replaced by the start of its bin of width ``step`` (bins start at 0)."""
    binned = []
    for row in rows:
        x = row[0]
        if isinstance(x, int | float) and not isinstance(x, bool):
            start = math.floor(x / step) * step
            binned.append((int(start) if float(start).is_integer() else start, *row[1:]))
    return binned


_DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def duration_seconds(text: str) -> float:
    """Gradio's bin durations: ``"10s"``, ``"30m"``, ``"1h"``, ``"2d"``."""
    number, unit = text[:-1], text[-1:]
    if unit not in _DURATION_UNITS or not number.isdigit() or int(number) <= 0:
        raise ValueError(
            f"x_bin takes a number or a duration like '10m' (s, m, h, d); got {text!r}."
        )
    return int(number) * _DURATION_UNITS[unit]


def check_settings(x_bin: Any, y_aggregate: Any, x_lim: Any, y_lim: Any, sort: Any) -> None:
    """Refuse settings no chart can be drawn with (ValueError, the message names it)."""
    if isinstance(x_bin, str):
        duration_seconds(x_bin)
    elif x_bin is not None and (not isinstance(x_bin, int | float) or x_bin <= 0):
        raise ValueError(f"x_bin takes a positive number or a duration like '10m'; got {x_bin!r}.")
    if y_aggregate is not None and y_aggregate not in _AGGREGATES:
        raise ValueError(
            f"y_aggregate must be one of {', '.join(_AGGREGATES)}; got {y_aggregate!r}."
        )
    for limit, what in ((x_lim, "x_lim"), (y_lim, "y_lim")):
        if limit is not None and len(limit) != 2:
            raise ValueError(f"{what} takes [low, high]; got {limit!r}.")
    if isinstance(sort, str) and sort not in ("x", "y", "-x", "-y"):
        raise ValueError(f"sort takes 'x', 'y', '-x', '-y' or a list: {sort!r}.")


def _sort_key(value: Any) -> tuple[int, Any]:
    return (0, value) if isinstance(value, int | float) else (1, str(value))


def _limit(limit: Sequence[Any] | None, temporal: bool) -> list[float | None] | None:
    """Axis limits on the wire: a time axis's in milliseconds (Gradio gives it seconds or
    datetimes); None at either end leaves that end to the data."""
    if limit is None:
        return None
    return [_bound(v, temporal) for v in limit]


def _bound(value: Any, temporal: bool) -> float | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return float(_cell(value))
    return float(value) * (1000 if temporal else 1)

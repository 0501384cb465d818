"""LinePlot / BarPlot / ScatterPlot: a table's columns on the wire, typed for the page's axes."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import reactive as rx
from reactive.errors import DefinitionError, OutputError

TABLE = pd.DataFrame(
    {
        "day": pd.date_range("2024-01-01", periods=4, tz="UTC"),
        "sales": [3, 1, None, 7],
        "shop": ["north", "south", "north", "south"],
        "note": ["a", "b", "c", "d"],
    }
)


def test_a_line_plot_sends_typed_columns_sorted_by_x() -> None:
    shuffled = TABLE.iloc[[2, 0, 3, 1]]
    chart = rx.LinePlot(x="day", y="sales", color="shop", title="Sales").postprocess(shuffled)
    assert chart is not None
    assert chart["kind"] == "line"
    assert chart["x"]["type"] == "temporal"
    assert chart["x"]["values"][0] == dt.datetime(2024, 1, 1, tzinfo=dt.UTC).timestamp() * 1000
    assert chart["x"]["values"] == sorted(chart["x"]["values"])
    assert chart["y"] == {"name": "sales", "type": "quantitative", "values": [3, 1, None, 7]}
    assert chart["color"]["type"] == "nominal"
    assert (chart["title"], chart["x_title"], chart["y_title"]) == ("Sales", "day", "sales")


def test_tooltip_all_carries_the_other_columns_and_none_carries_nothing() -> None:
    chart = rx.ScatterPlot(x="sales", y="sales", tooltip="all").postprocess(TABLE)
    assert chart is not None
    assert [c["name"] for c in chart["extra"]] == ["day", "shop", "note"]
    assert chart["tooltip"] == ["day", "sales", "shop", "note"]  # the table's order
    quiet = rx.ScatterPlot(x="sales", y="sales", tooltip="none").postprocess(TABLE)
    assert quiet is not None
    assert quiet["tooltip"] == []


def test_bar_plot_aggregates_y_per_x_and_colour() -> None:
    table = {"fruit": ["a", "b", "a", "a"], "n": [1, 2, 3, 4], "g": ["x", "x", "x", "y"]}
    chart = rx.BarPlot(x="fruit", y="n", color="g", y_aggregate="sum").postprocess(table)
    assert chart is not None
    rows = list(
        zip(chart["x"]["values"], chart["y"]["values"], chart["color"]["values"], strict=True)
    )
    assert rows == [("a", 4, "x"), ("b", 2, "x"), ("a", 4, "y")]


def test_titles_and_limits_given_win() -> None:
    plot = rx.LinePlot(x="sales", y="sales", x_title="X", y_title="Y", y_lim=[0, 10])
    chart = plot.postprocess([{"sales": 1}, {"sales": 2}])
    assert chart is not None
    assert (chart["x_title"], chart["y_title"], chart["y_lim"]) == ("X", "Y", [0.0, 10.0])


def test_a_missing_column_names_the_columns_there_are() -> None:
    with pytest.raises(OutputError, match=r"no column 'price'.*day, sales, shop, note"):
        rx.LinePlot(x="day", y="price").postprocess(TABLE)
    with pytest.raises(OutputError, match="needs y="):
        rx.LinePlot(x="day").postprocess(TABLE)
    with pytest.raises(OutputError, match="DataFrame"):
        rx.BarPlot(x="a", y="b").postprocess("not a table")


def test_bad_arguments_are_refused_at_definition() -> None:
    with pytest.raises(DefinitionError, match="x_bin"):
        rx.BarPlot(x="a", y="b", x_bin=-1)
    with pytest.raises(DefinitionError, match="duration like '10m'"):
        rx.BarPlot(x="a", y="b", x_bin="10 minutes")
    with pytest.raises(DefinitionError, match="y_aggregate"):
        rx.BarPlot(x="a", y="b", y_aggregate="mode")  # type: ignore[arg-type]
    with pytest.raises(DefinitionError, match="x_lim"):
        rx.LinePlot(x="a", y="b", x_lim=[1])


def test_x_bin_sums_numbers_per_bin_and_names_the_step() -> None:
    plot = rx.BarPlot(x="w", y="n", x_bin=10)
    chart = plot.postprocess({"w": [1, 9, 12, 25, 27], "n": [1, 2, 3, 4, 5]})
    assert chart is not None
    assert chart["x"]["values"] == [0, 10, 20]
    assert chart["y"]["values"] == [3, 3, 9]
    assert chart["x_step"] == 10.0
    mean = rx.BarPlot(x="w", y="n", x_bin=10, y_aggregate="mean").postprocess(
        {"w": [1, 9], "n": [1, 3]}
    )
    assert mean is not None
    assert mean["y"]["values"] == [2]


def test_x_bin_takes_a_duration_on_a_time_axis() -> None:
    times = pd.date_range("2024-01-01 00:00", periods=6, freq="10min", tz="UTC")
    plot = rx.LinePlot(x="t", y="v", x_bin="30m")
    chart = plot.postprocess(pd.DataFrame({"t": times, "v": [1, 1, 1, 2, 2, 2]}))
    assert chart is not None
    assert chart["x"]["type"] == "temporal"
    start = times[0].timestamp() * 1000
    assert chart["x"]["values"] == [start, start + 30 * 60_000]
    assert chart["y"]["values"] == [3, 6]
    with pytest.raises(OutputError, match="holds no times"):
        rx.LinePlot(x="w", y="v", x_bin="30m").postprocess({"w": [1], "v": [1]})


def test_x_lim_on_a_time_axis_is_in_seconds_or_datetimes() -> None:
    day = dt.datetime(2024, 1, 2, tzinfo=dt.UTC)
    plot = rx.LinePlot(x="day", y="sales", x_lim=[day.timestamp(), None])
    chart = plot.postprocess(TABLE)
    assert chart is not None
    assert chart["x_lim"] == [day.timestamp() * 1000, None]
    by_date = rx.LinePlot(x="day", y="sales", x_lim=[day, day])
    chart = by_date.postprocess(TABLE)
    assert chart is not None
    assert chart["x_lim"] == [day.timestamp() * 1000] * 2

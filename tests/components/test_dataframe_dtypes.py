"""DataFrame with pandas dtypes (dates, nullable ints, categories, ...) and row/col counts."""

from __future__ import annotations

import datetime as dt
import decimal

import numpy as np
import pandas as pd
import pytest

import reactive as rx
from reactive.errors import DefinitionError


def test_pandas_dtypes_become_cells_the_page_can_show() -> None:
    frame = pd.DataFrame(
        {
            "when": pd.to_datetime(["2024-05-01 12:30", None]),
            "day": [dt.date(2024, 5, 1), dt.date(2024, 5, 2)],
            "count": pd.array([3, None], dtype="Int64"),
            "kind": pd.Categorical(["a", "b"]),
            "ratio": [0.5, np.nan],
            "flag": [True, False],
            "took": pd.to_timedelta([90, 5], unit="s"),
            "price": [decimal.Decimal("1.50"), decimal.Decimal("2")],
        }
    )
    wire = rx.DataFrame().postprocess(frame)
    assert wire["headers"] == ["when", "day", "count", "kind", "ratio", "flag", "took", "price"]
    assert wire["data"] == [
        ["2024-05-01 12:30:00", "2024-05-01", 3, "a", 0.5, True, "0 days 00:01:30", "1.50"],
        [None, "2024-05-02", None, "b", None, False, "0 days 00:00:05", "2"],
    ]


def test_an_all_datetime_frame_shows_dates_not_nanoseconds() -> None:
    frame = pd.DataFrame({"t": pd.date_range("2024-01-01", periods=2, freq="D")})
    assert rx.DataFrame().postprocess(frame)["data"] == [
        ["2024-01-01 00:00:00"],
        ["2024-01-02 00:00:00"],
    ]


def test_date_columns_come_back_as_datetimes() -> None:
    table = rx.DataFrame(datatype=["date", "number"], type="pandas")
    frame = table.preprocess({"headers": ["d", "n"], "data": [["2024-05-01", "2"], ["", "3"]]})
    assert str(frame["d"].dtype).startswith("datetime64")
    assert frame["d"][0] == pd.Timestamp("2024-05-01")
    assert pd.isna(frame["d"][1])
    assert frame["n"].tolist() == [2, 3]


def test_an_empty_table_shows_row_count_by_col_count_blank_cells() -> None:
    table = rx.DataFrame(row_count=(2, "fixed"), col_count=(3, "dynamic"))
    assert table.postprocess(None) == {
        "headers": ["1", "2", "3"],
        "data": [[None, None, None], [None, None, None]],
    }
    props = table.props()
    assert (props["rows_fixed"], props["cols_fixed"], props["add_columns"]) == (True, False, True)
    named = rx.DataFrame(headers=["a", "b"], row_count=3)
    assert named.postprocess(None)["data"] == [[None, None]] * 3
    assert rx.DataFrame([[1]], row_count=5).postprocess([[1]])["data"] == [[1]]  # a value wins


@pytest.mark.parametrize("bad", [-1, (2, "grow"), ("2", "fixed")])
def test_bad_counts_are_refused_at_definition(bad: object) -> None:
    with pytest.raises(DefinitionError, match="row_count"):
        rx.DataFrame(row_count=bad)  # type: ignore[arg-type]

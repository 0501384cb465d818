"""ClearButton and DownloadButton: what they tell the page."""

from __future__ import annotations

from pathlib import Path

import pytest

import reactive as rx
from reactive.errors import OutputError


def test_clear_button_names_each_component_with_its_empty_value() -> None:
    app = rx.App()
    with app.column():
        text = rx.Textbox("hello", elem_id="t")
        number = rx.Number(4, elem_id="n")
        slider = rx.Slider(2, 9, 5, elem_id="s")
        picks = rx.Dropdown(["a", "b"], value=["a"], multiselect=True, elem_id="d")
        shown = rx.Text("x", elem_id="out")
        colour = rx.ColorPicker("#ff0000", elem_id="c")
        clear = rx.ClearButton([text, number, slider], elem_id="clear").add([picks, shown, colour])
    assert clear.props()["clears"] == [
        ["t", ""], ["n", None], ["s", 2], ["d", []], ["out", ""], ["c", "#000000"],
    ]  # fmt: skip
    assert clear.props()["value"] == "Clear"
    assert clear.props()["variant"] == "secondary"


def test_clear_button_adds_each_component_once_and_skips_state() -> None:
    text = rx.Textbox()
    clear = rx.ClearButton(text).add([text, rx.State(3)])
    assert clear.components == [text]


def test_download_button_sends_the_file(tmp_path: Path) -> None:
    report = tmp_path / "report.csv"
    report.write_text("a,b\n1,2\n")
    app = rx.App(allowed_paths=[str(tmp_path)])
    with app.column():
        button = rx.DownloadButton("Get the report", value=str(report), elem_id="dl")
    props = button.props()
    assert props["text"] == "Get the report"
    assert props["value"] == {"name": "report.csv", "mime": "text/csv", "data": b"a,b\n1,2\n"}
    assert button.postprocess(None) is None
    with pytest.raises(OutputError, match="downloads one file"):
        button.postprocess(["a", "b"])

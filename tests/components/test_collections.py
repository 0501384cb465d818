"""Gallery, File, DataFrame, Plot, Chatbot and Image URLs."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image as PILImage

import reactive as rx
from reactive.components.dataframe import has_pandas
from reactive.components.upload_folder import upload_dir
from reactive.errors import DefinitionError, InvalidValue, OutputError


def test_gallery_encodes_images_and_captions() -> None:
    items = rx.Gallery().postprocess(
        [np.zeros((4, 6, 3), np.uint8), (np.ones((2, 2, 3)), "one"), "https://x.org/a.png"]
    )
    assert items[0]["mime"] == "image/jpeg"
    assert (items[0]["w"], items[0]["h"]) == (6, 4)
    assert items[1]["caption"] == "one"
    assert items[2] == {"url": "https://x.org/a.png"}
    with pytest.raises(OutputError, match="takes a list of images"):
        rx.Gallery().check_output(np.zeros((2, 2)))


def test_image_url_results_travel_as_urls() -> None:
    assert rx.Image().postprocess("https://example.com/cat.png") == {
        "url": "https://example.com/cat.png"
    }


def test_file_upload_keeps_the_name_in_the_session_folder(tmp_path: Path) -> None:
    token = upload_dir.set(tmp_path)
    try:
        upload = {"name": "../../notes.txt", "mime": "text/plain", "data": b"hi"}
        path = rx.File().preprocess(upload)
    finally:
        upload_dir.reset(token)
    assert Path(path).name == "notes.txt"
    assert Path(path).read_bytes() == b"hi"
    assert tmp_path in Path(path).parents


def test_file_types_binary_and_multiple() -> None:
    upload = {"name": "a.pdf", "mime": "application/pdf", "data": b"%PDF"}
    assert rx.File(type="binary").preprocess(upload) == b"%PDF"
    many = rx.File(type="binary", file_count="multiple").preprocess([upload, upload])
    assert many == [b"%PDF", b"%PDF"]
    with pytest.raises(InvalidValue, match="not one of the accepted types"):
        rx.File(file_types=["image", ".txt"]).preprocess(upload)
    assert rx.File(type="binary", file_types=[".PDF"]).preprocess(upload) == b"%PDF"
    with pytest.raises(InvalidValue, match="has no file bytes"):
        rx.File().preprocess({"name": "x"})


def test_file_download(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("a,b\n")
    assert rx.File().postprocess(str(path)) == {
        "name": "out.csv",
        "mime": "text/csv",
        "data": b"a,b\n",
    }
    with pytest.raises(OutputError, match="does not exist"):
        rx.File().postprocess(str(tmp_path / "nope"))


def test_dataframe_from_lists_dicts_and_numpy() -> None:
    table = rx.DataFrame(headers=["a", "b"], type="array")
    assert table.postprocess([[1, "x"], [2]]) == {
        "headers": ["a", "b"],
        "data": [[1, "x"], [2, None]],
    }
    assert table.postprocess({"a": [1, 2], "b": [3]})["data"] == [[1, 3], [2, None]]
    assert table.postprocess(np.arange(4).reshape(2, 2))["data"] == [[0, 1], [2, 3]]
    assert table.postprocess([{"x": 1.5, "y": float("nan")}]) == {
        "headers": ["x", "y"],
        "data": [[1.5, None]],
    }


def test_dataframe_from_a_pandas_like_object() -> None:
    class Frame:
        columns = ("n", "name")

        def to_numpy(self) -> Any:
            return np.array([[1, "a"]], dtype=object)

    assert rx.DataFrame(type="array").postprocess(Frame()) == {
        "headers": ["n", "name"],
        "data": [[1, "a"]],
    }


def test_dataframe_input_converts_cells_by_datatype_and_refuses_bad_tables() -> None:
    table = rx.DataFrame(datatype=["str", "number", "bool"], type="array")
    wire = {"headers": ["a", "b", "c"], "data": [["x", "2.5", "true"], ["y", 3, False]]}
    assert table.preprocess(wire) == [["x", 2.5, True], ["y", 3, False]]
    with pytest.raises(InvalidValue, match=r"cell \(1, 2\) 'lots' is not a number"):
        table.preprocess({"headers": ["a", "b", "c"], "data": [["x", "lots", "true"]]})
    with pytest.raises(InvalidValue, match="row 1 has 1 cells, expected 3"):
        table.preprocess({"headers": ["a", "b", "c"], "data": [["x"]]})
    with pytest.raises(InvalidValue, match="a table"):
        table.preprocess([["x"]])


def test_dataframe_type_defaults_to_pandas_only_when_installed() -> None:
    table = rx.DataFrame()
    assert table.table_type == ("pandas" if has_pandas() else "array")
    if not has_pandas():
        with pytest.raises(DefinitionError, match="needs pandas"):
            rx.DataFrame(type="pandas")


class FakeFigure:
    """Quacks like a matplotlib figure: savefig writes a PNG."""

    def savefig(self, target: io.BytesIO, **kwargs: Any) -> None:
        PILImage.new("RGB", (30, 20), "blue").save(target, "PNG")


def test_plot_renders_a_real_matplotlib_figure_as_png() -> None:
    figure = Figure(figsize=(3, 2))
    figure.add_subplot().plot([0, 1, 2], [2, 0, 1], color="red")
    wire = rx.Plot().postprocess(figure)
    assert wire is not None
    assert (wire["kind"], wire["mime"]) == ("image", "image/png")
    pixels = np.asarray(PILImage.open(io.BytesIO(wire["data"])).convert("RGB"))
    assert pixels.shape[:2] == (wire["h"], wire["w"])
    reddish = (pixels[..., 0] > 200) & (pixels[..., 1] < 80) & (pixels[..., 2] < 80)
    assert reddish.any()  # the red line was drawn


def test_plot_sends_a_figure_as_png_and_specs_as_json() -> None:
    wire = rx.Plot().postprocess(FakeFigure())
    assert wire is not None
    assert (wire["kind"], wire["mime"], wire["w"], wire["h"]) == ("image", "image/png", 30, 20)

    class PlotlyFigure:
        def to_plotly_json(self) -> dict[str, Any]:
            return {}

        def to_json(self) -> str:
            return '{"data": [{"y": [1, 2]}], "layout": {}}'

    assert rx.Plot().postprocess(PlotlyFigure()) == {
        "kind": "plotly",
        "spec": {"data": [{"y": [1, 2]}], "layout": {}},
    }
    with pytest.raises(OutputError, match="matplotlib figure, a plotly figure or an altair"):
        rx.Plot().check_output("chart")


def test_chatbot_takes_messages_and_pairs() -> None:
    chat = rx.Chatbot()
    assert chat.postprocess([["hi", "hello"], ["more", None]]) == [
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "hello"},
        {"role": "user", "content": "more"},
    ]
    assert chat.postprocess(None) == []
    with pytest.raises(OutputError, match="role must be one of"):
        chat.postprocess([{"role": "bot", "content": "x"}])
    with pytest.raises(OutputError, match="a list of messages"):
        chat.postprocess("hi")


def test_chatbot_streams_only_the_last_message() -> None:
    chat = rx.Chatbot()
    wire = chat.postprocess(
        [{"role": "user", "content": "q"}, {"role": "assistant", "content": "ab"}]
    )
    head, text = chat.stream_parts(wire) or (None, "")
    assert text == "ab"
    assert head == [{"role": "user", "content": "q"}, {"role": "assistant", "content": None}]
    assert chat.stream_parts([]) is None
    with pytest.raises(DefinitionError):
        rx.Chatbot(type="pairs")  # type: ignore[arg-type]


def test_a_plain_white_figure_is_sent_without_background_so_dark_mode_can_adapt_it() -> None:
    figure = Figure(figsize=(2, 1.5))
    figure.add_subplot().plot([0, 1], [1, 0])
    wire = rx.Plot().postprocess(figure)
    assert wire is not None
    assert wire["adapt"] is True
    alpha = np.asarray(PILImage.open(io.BytesIO(wire["data"])).convert("RGBA"))[..., 3]
    assert (alpha == 0).any()  # the white background is gone
    styled = Figure(figsize=(2, 1.5), facecolor="#202020")
    styled.add_subplot().plot([0, 1], [1, 0])
    kept = rx.Plot().postprocess(styled)
    assert kept is not None
    assert kept["adapt"] is False  # the author chose its colours: shown as drawn
    opaque = np.asarray(PILImage.open(io.BytesIO(kept["data"])).convert("RGBA"))[..., 3]
    assert (opaque == 255).all()

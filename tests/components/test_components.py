"""Each component: values from the page in, results out, and clear refusals."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image as PILImage

import reactive as rx
from reactive.components.upload_folder import upload_dir
from reactive.errors import DefinitionError, InvalidValue, OutputError


def png_bytes(size: tuple[int, int] = (4, 3), mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, size, "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_textbox_takes_text_and_refuses_other_types() -> None:
    box = rx.Textbox(label="Name", max_length=5)
    assert box.preprocess("héllo") == "héllo"
    with pytest.raises(InvalidValue, match="Name: expected text, got int"):
        box.preprocess(3)
    with pytest.raises(InvalidValue, match="over the limit 5"):
        box.preprocess("too long")


def test_text_output_shows_anything_as_text() -> None:
    assert rx.Text().postprocess(None) == ""
    assert rx.Text().postprocess(42) == "42"


@pytest.mark.parametrize(("value", "expected"), [(3, 3.0), (2.5, 2.5), (None, None)])
def test_number_gives_float_or_none(value: Any, expected: Any) -> None:
    assert rx.Number().preprocess(value) == expected


def test_an_empty_number_starts_at_zero_as_in_gradio_unless_it_has_a_placeholder() -> None:
    assert rx.Number().initial_python_value() == 0
    assert rx.Number().props()["value"] == 0
    assert rx.Number(placeholder="how many?").initial_python_value() is None
    assert rx.Number(minimum=5, maximum=9).initial_python_value() == 5  # 0 is out of range
    assert rx.Number(maximum=-1).initial_python_value() == -1
    assert rx.Number(3).initial_python_value() == 3


def test_number_with_precision_zero_gives_int() -> None:
    result = rx.Number(precision=0).preprocess(2.6)
    assert result == 3
    assert isinstance(result, int)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "got a boolean"),
        ("5", "got str"),
        (11, "above the maximum 10"),
        (-1, "below the minimum 0"),
        (float("nan"), "finite"),
    ],
)
def test_number_refusals(value: Any, message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        rx.Number(minimum=0, maximum=10).preprocess(value)


def test_slider_gives_int_for_whole_steps_and_float_otherwise() -> None:
    whole = rx.Slider(1, 30, value=10).preprocess(7.0)
    assert whole == 7
    assert isinstance(whole, int)
    assert rx.Slider(0, 1, step=0.1).preprocess(0.3) == pytest.approx(0.3)
    assert rx.Slider(1, 30, value=10).initial_python_value() == 10


def test_slider_takes_what_gradio_takes_and_refuses_what_cannot_be_drawn() -> None:
    # Gradio's interface_random_slider demo: a value outside the range and step=-1
    odd = rx.Slider(value=0.25, minimum=5, maximum=30, step=-1)
    assert (odd.value, odd.step) == (5, 1)  # starts at the nearest end; a non-positive step: 1
    assert rx.Slider(1, 5, value=9).value == 5
    assert rx.Slider(0, 1).step == pytest.approx(0.01)  # no step, a narrow range: 1 % of it
    assert rx.Slider(0, 100).step == 1
    assert rx.Slider(0, 10, 2.345, step=0.001, precision=1).preprocess(2.345) == 2.3
    assert rx.Slider(0, 10, 3, step=0.5, precision=0).preprocess(3.5) == 4
    for _ in range(20):
        drawn = rx.Slider(-100, 100, randomize=True, step=3).value
        assert -100 <= drawn <= 100
        assert (drawn + 100) % 3 == 0
    with pytest.raises(DefinitionError, match="above its maximum"):
        rx.Slider(5, 1)
    with pytest.raises(DefinitionError, match="finite"):
        rx.Slider(0, float("inf"))


def test_checkbox_takes_only_booleans() -> None:
    assert rx.Checkbox().preprocess(True) is True
    with pytest.raises(InvalidValue, match="true or false"):
        rx.Checkbox().preprocess(1)


def test_dropdown_checks_choices() -> None:
    single = rx.Dropdown(["a", ("Bee", "b")], value="a")
    assert single.preprocess("b") == "b"
    assert single.props()["choices"] == [["a", "a"], ["Bee", "b"]]
    with pytest.raises(InvalidValue, match="'z' is not one of the choices"):
        single.preprocess("z")
    multi = rx.Dropdown(["a", "b"], multiselect=True)
    assert multi.preprocess(["a", "b"]) == ["a", "b"]
    with pytest.raises(InvalidValue, match="a list of choices"):
        multi.preprocess("a")
    with pytest.raises(DefinitionError, match="not one of its choices"):
        rx.Dropdown(["a"], value="q")


def test_json_turns_numpy_and_tuples_into_plain_data() -> None:
    value = {"a": (1, 2), "b": np.arange(3), 3: np.float32(0.5)}
    assert rx.JSON().postprocess(value) == {"a": [1, 2], "b": [0, 1, 2], "3": 0.5}
    with pytest.raises(OutputError, match="cannot show a object"):
        rx.JSON().postprocess({"x": object()})


def test_image_from_uint8_array_is_jpeg_with_its_size() -> None:
    wire = rx.Image().postprocess(np.zeros((20, 30, 3), dtype=np.uint8))
    assert wire is not None
    assert (wire["mime"], wire["w"], wire["h"]) == ("image/jpeg", 30, 20)
    assert wire["data"][:2] == b"\xff\xd8"


def _noise(side: int = 64) -> np.ndarray[Any, Any]:
    return np.random.default_rng(3).integers(0, 256, (side, side, 3), dtype=np.uint8)


def _encoded(image: np.ndarray[Any, Any], fmt: str, quality: int) -> bytes:
    buffer = io.BytesIO()
    PILImage.fromarray(image).save(buffer, fmt, quality=quality)
    return buffer.getvalue()


def test_image_quality_is_80_unless_the_app_chooses() -> None:
    image = _noise()
    default = rx.Image().postprocess(image)
    assert default is not None
    assert default["data"] == _encoded(image, "JPEG", 80)
    finer = rx.Image(quality=95).postprocess(image)
    assert finer is not None
    assert len(finer["data"]) > len(default["data"])
    webp = rx.Image(format="webp", quality=50).postprocess(image)
    assert webp is not None
    assert webp["mime"] == "image/webp"
    assert PILImage.open(io.BytesIO(webp["data"])).format == "WEBP"


@pytest.mark.parametrize("quality", [0, 101, 85.5, True, "80"])
def test_image_quality_out_of_range_is_refused_when_defined(quality: Any) -> None:
    with pytest.raises(DefinitionError, match="quality must be a whole number from 1 to 100"):
        rx.Image(quality=quality)


def test_image_with_alpha_or_png_format_is_lossless_png() -> None:
    rgba = np.zeros((4, 4, 4), dtype=np.uint8)
    assert rx.Image().postprocess(rgba)["mime"] == "image/png"  # type: ignore[index]
    rgb = np.random.default_rng(0).integers(0, 255, (8, 8, 3), dtype=np.uint8)
    wire = rx.Image(format="png").postprocess(rgb)
    assert wire is not None
    decoded = np.asarray(PILImage.open(io.BytesIO(wire["data"])))
    assert np.array_equal(decoded, rgb)


def test_float_images_are_scaled_from_0_1() -> None:
    wire = rx.Image(format="png").postprocess(np.full((2, 2), 1.0))
    assert wire is not None
    assert np.asarray(PILImage.open(io.BytesIO(wire["data"]))).max() == 255


def test_image_files_and_bytes_are_sent_untouched(tmp_path: Path) -> None:
    data = png_bytes()
    path = tmp_path / "pic.png"
    path.write_bytes(data)
    for value in (path, str(path), data):
        wire = rx.Image().postprocess(value)
        assert wire is not None
        assert (wire["mime"], wire["data"]) == ("image/png", data)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (np.zeros((2, 2, 5)), "HxW, HxWx3 or HxWx4"),
        ("no-such-file.png", "does not exist"),
        (b"not an image", "not an image"),
        (12, "got int"),
    ],
)
def test_bad_image_results_are_output_errors(value: Any, message: str) -> None:
    with pytest.raises(OutputError, match=message):
        rx.Image().postprocess(value)


def test_image_upload_becomes_numpy_pil_or_file(tmp_path: Path) -> None:
    upload = {"mime": "image/png", "data": png_bytes((4, 3)), "name": "x.png"}
    array = rx.Image().preprocess(upload)
    assert isinstance(array, np.ndarray)
    assert array.shape == (3, 4, 3)
    assert isinstance(rx.Image(type="pil").preprocess(upload), PILImage.Image)
    token = upload_dir.set(tmp_path)
    try:
        path = rx.Image(type="filepath").preprocess(upload)
    finally:
        upload_dir.reset(token)
    assert Path(path).parent == tmp_path
    assert Path(path).read_bytes() == upload["data"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"mime": "image/png", "data": b"garbage", "name": "x.png"}, "not an image"),
        ({"mime": "image/png", "name": "x.png"}, "no image bytes"),
        ("just a string", "expected an uploaded image"),
    ],
)
def test_bad_uploads_are_refused(value: Any, message: str) -> None:
    with pytest.raises(InvalidValue, match=message):
        rx.Image().preprocess(value)


def test_textbox_and_number_take_gradios_common_display_arguments() -> None:
    props = rx.Textbox(text_align="right", rtl=True, autoscroll=False).props()
    assert (props["text_align"], props["rtl"], props["autoscroll"]) == ("right", True, False)
    assert rx.Number(placeholder="how many?").props()["placeholder"] == "how many?"
    with pytest.raises(DefinitionError, match="text_align"):
        rx.Textbox(text_align="middle")  # type: ignore[arg-type]

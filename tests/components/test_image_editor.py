"""ImageEditor, Sketchpad, Paint and ImageMask: the EditorValue in and out, tools as props,
and the events a page's edit starts (upload, apply, clear)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image as PILImage

import reactive as gr
from reactive.errors import CompatibilityWarning, DefinitionError, InvalidValue
from reactive.gradio.interface import component_from
from reactive.testing import AppTester


def png(array: np.ndarray[Any, Any]) -> dict[str, Any]:
    """A picture as the page sends one: ``{mime, data, name}``."""
    buffer = io.BytesIO()
    PILImage.fromarray(array).save(buffer, "PNG")
    return {"mime": "image/png", "data": buffer.getvalue(), "name": "part.png"}


def stroke(w: int = 8, h: int = 6) -> np.ndarray[Any, Any]:
    """A layer with a red dot at (2, 3), transparent elsewhere."""
    layer = np.zeros((h, w, 4), dtype=np.uint8)
    layer[3, 2] = (255, 0, 0, 255)
    return layer


def page_value(background: bool = False, edit: str = "apply") -> dict[str, Any]:
    back = np.full((6, 8, 4), 200, dtype=np.uint8)
    composite = back.copy() if background else np.zeros((6, 8, 4), dtype=np.uint8)
    composite[3, 2] = (255, 0, 0, 255)
    return {
        "background": png(back) if background else None,
        "layers": [png(stroke())],
        "composite": png(composite),
        "edit": edit,
    }


def test_the_page_value_reaches_the_function_as_rgba_arrays() -> None:
    value = gr.ImageEditor().preprocess(page_value(background=True))
    assert value is not None
    assert value["background"].shape == (6, 8, 4)
    assert value["layers"][0][3, 2].tolist() == [255, 0, 0, 255]
    assert value["layers"][0][0, 0, 3] == 0  # transparent where nothing was drawn
    assert value["composite"][3, 2].tolist() == [255, 0, 0, 255]
    assert value["composite"][0, 0].tolist() == [200, 200, 200, 200]


def test_pil_and_filepath_types(tmp_path: Path) -> None:
    pil = gr.ImageEditor(type="pil", image_mode="RGB").preprocess(page_value())
    assert pil is not None
    assert pil["composite"].mode == "RGB"
    assert pil["background"] is None
    paths = gr.ImageEditor(type="filepath").preprocess(page_value())
    assert paths is not None
    assert np.asarray(PILImage.open(paths["layers"][0]))[3, 2].tolist() == [255, 0, 0, 255]


def test_nothing_or_a_bad_value() -> None:
    blank = gr.ImageEditor(canvas_size=(30, 20)).preprocess(None)  # the page's Clear
    assert blank["background"] is None
    assert blank["composite"].shape == (20, 30, 4)
    assert not blank["composite"].any()
    assert len(blank["layers"]) == 1
    with pytest.raises(InvalidValue, match="editor value"):
        gr.ImageEditor().preprocess("a picture")
    with pytest.raises(InvalidValue, match="not an image"):
        gr.ImageEditor().preprocess({"background": None, "layers": [], "composite": {
            "mime": "image/png", "data": b"no", "name": "x.png"}})  # fmt: skip


def test_results_are_sent_as_pictures_and_one_image_is_the_background(tmp_path: Path) -> None:
    editor = gr.ImageEditor()
    wire = editor.postprocess({"background": np.zeros((4, 5, 3)), "layers": [stroke()],
                               "composite": None})  # fmt: skip
    assert wire is not None
    assert (wire["background"]["w"], wire["background"]["h"]) == (5, 4)
    assert wire["layers"][0]["mime"] == "image/png"
    assert wire["composite"] is None
    single = editor.postprocess(np.zeros((4, 5, 3), dtype=np.uint8))
    assert single is not None
    assert single["layers"] == []
    assert single["background"]["w"] == 5
    assert editor.postprocess(None) is None
    with pytest.raises(gr.OutputError, match="background, layers and composite"):
        editor.postprocess({"picture": None})


def test_tools_are_props() -> None:
    editor = gr.ImageEditor(
        brush=gr.Brush(colors=["#ff0000", ("#00ff00", 0.5)], default_size=7),
        eraser=gr.Eraser(default_size=3),
        layers=gr.LayerOptions(allow_additional_layers=False, layers=["Mask"]),
        canvas_size=(300, 200),
        fixed_canvas=True,
    )
    props = editor.props()
    assert props["brush"] == {
        "default_size": 7,
        "colors": [["#ff0000", 1.0], ["#00ff00", 0.5]],
        "default_color": ["#ff0000", 1.0],
        "color_mode": "defaults",
    }
    assert props["eraser"] == {"default_size": 3}
    assert props["layers"] == {"names": ["Mask"], "allow_additional": False, "shown": True}
    assert props["canvas_size"] == [300, 200]
    assert props["fixed_canvas"] is True
    assert props["transforms"] == ["crop"]
    assert props["sources"] == ["upload", "webcam", "clipboard"]
    assert props["webcam_options"] == {"mirror": True, "constraints": None}
    assert gr.ImageEditor(brush=False).props()["eraser"] is None  # no brush: no eraser either


def test_sketchpad_paint_and_mask_defaults() -> None:
    sketch = gr.Sketchpad().props()
    assert sketch["sources"] == []
    assert sketch["brush"]["colors"] == [["#000000", 1.0]]
    assert sketch["brush"]["color_mode"] == "fixed"
    assert gr.Paint().props()["sources"] == []
    assert len(gr.Paint().props()["brush"]["colors"]) > 1
    assert gr.ImageMask().props()["layers"]["shown"] is False
    made = [component_from(name) for name in ("sketchpad", "paint", "imageeditor", "imagemask")]
    assert [type(c).__name__ for c in made] == ["Sketchpad", "Paint", "ImageEditor", "ImageMask"]


def test_what_is_refused_or_warned() -> None:
    with pytest.raises(DefinitionError, match="crop_size"):
        gr.ImageEditor(crop_size=(1, 1))
    with pytest.raises(DefinitionError, match="canvas_size"):
        gr.ImageEditor(canvas_size=(0, 10))
    with pytest.raises(DefinitionError, match="color"):
        gr.ImageEditor(brush=gr.Brush(colors=[("red", 3)])).props()
    with pytest.raises(DefinitionError, match="sources"):
        gr.ImageEditor(sources=["scanner"])
    with pytest.warns(CompatibilityWarning, match="resize"):
        gr.ImageEditor(transforms=("crop", "resize"))


def test_a_returned_editor_changes_its_brush() -> None:
    editor = gr.ImageEditor()
    changed = editor.with_props(gr.ImageEditor(brush=gr.Brush(default_size=30)).given_props())
    assert changed.props()["brush"]["default_size"] == 30


def test_the_authored_value_reaches_an_untouched_input(tmp_path: Path) -> None:
    path = tmp_path / "back.png"
    PILImage.new("RGB", (5, 4), "white").save(path)
    value = gr.ImageEditor(value={"background": str(path), "layers": [], "composite": None})
    start = value.initial_python_value()
    assert start["background"].shape == (4, 5, 4)
    assert start["composite"].tolist() == start["background"].tolist()  # drawn, as the page would
    assert len(start["layers"]) == 1
    assert not start["layers"][0].any()  # a blank layer of the picture's size
    assert gr.ImageEditor(str(path), type="filepath").initial_python_value()["background"] == str(
        path
    )


def editor_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(elem_id="ed")
        counts = {name: gr.Number(0, elem_id=name) for name in ("upload", "apply", "clear")}
        painted = gr.Number(elem_id="painted")
        for name, number in counts.items():
            getattr(editor, name)(lambda n: n + 1, number, number)
        editor.change(
            lambda v: None if v is None else int((v["composite"][..., 3] > 0).sum()),
            editor,
            painted,
        )
    return demo


async def test_an_edit_starts_upload_apply_and_clear() -> None:
    async with AppTester(editor_app()) as page:
        await page.input("ed", page_value(background=True, edit="upload"))  # a new picture
        assert await page.wait_value("upload", 1)
        assert await page.wait_value("painted", 48)
        await page.input("ed", page_value(background=True))  # another stroke, same picture
        assert await page.wait_value("apply", 1)
        assert page.page.values["upload"] == 1
        await page.input("ed", None)
        assert await page.wait_value("clear", 1)
        assert await page.wait_value("painted", 0)  # a blank canvas


def test_an_untouched_or_written_editor_reads_as_the_page_would_send_it(tmp_path: Path) -> None:
    editor = gr.Sketchpad(canvas_size=(40, 30), type="filepath")
    start = editor.initial_python_value()
    assert start["background"] is None
    assert np.asarray(PILImage.open(start["composite"])).shape == (30, 40, 4)
    assert editor.initial_python_value()["composite"] == start["composite"]  # made once
    arrays = gr.ImageEditor().as_input({"background": np.zeros((3, 4, 3), dtype=np.uint8),
                                        "layers": [], "composite": None})  # fmt: skip
    assert arrays["background"].shape == (3, 4, 4)  # RGBA, as from the page


async def test_a_function_reads_what_another_wrote_to_the_editor() -> None:
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(elem_id="ed")
        shape = gr.Textbox(elem_id="shape")
        gr.Button(elem_id="set").click(lambda: np.zeros((5, 7, 3), dtype=np.uint8), None, editor)
        gr.Button(elem_id="none").click(lambda: None, None, editor)
        gr.Button(elem_id="get").click(lambda v: str(v["composite"].shape), editor, shape)
    async with AppTester(demo) as page:
        await page.click("set")
        assert await page.wait_until(lambda: page.page.values.get("ed") is not None)
        await page.click("get")
        assert await page.wait_value("shape", "(5, 7, 4)")
        await page.click("none")
        assert await page.wait_until(lambda: page.page.values.get("ed", 1) is None)
        await page.click("get")
        assert await page.wait_value("shape", "(800, 800, 4)")

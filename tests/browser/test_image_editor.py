"""Gradio's image components in Chromium, used as a person would: strokes drawn with the mouse
on gr.ImageEditor reach the function as its composite and layer (a color picked, an erase, a
picture uploaded under the drawing, a crop, a clear); gr.ImageSlider's divide dragged;
gr.AnnotatedImage's label clicked is its select."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image as PILImage
from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app


def describe(value: dict[str, Any] | None) -> str:
    """What the function saw: the size, red and blue pixels, the layer's inked pixels."""
    if value is None:
        return "none"
    picture = value["composite"]
    red = int(((picture[..., 0] > 200) & (picture[..., 2] < 60) & (picture[..., 3] > 200)).sum())
    blue = int(((picture[..., 2] > 200) & (picture[..., 0] < 60) & (picture[..., 3] > 200)).sum())
    ink = int((value["layers"][0][..., 3] > 0).sum())
    back = "none" if value["background"] is None else "x".join(map(str, value["background"].shape))
    size = f"{picture.shape[1]}x{picture.shape[0]}"
    return f"{size} red={red} blue={blue} ink={ink} back={back} layers={len(value['layers'])}"


def editor_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(
            canvas_size=(200, 100),
            brush=gr.Brush(colors=["#ff0000", "#0000ff"], default_size=4),
            eraser=gr.Eraser(default_size=10),
            elem_id="ed",
        )
        seen = gr.Textbox(label="Seen", elem_id="seen")
        uploads = gr.Number(0, elem_id="uploads")
        editor.change(describe, editor, seen)
        editor.upload(lambda n: n + 1, uploads, uploads)
    return demo


def draw(page: Page, canvas: str, points: list[tuple[float, float]]) -> None:
    """Drag the mouse through ``points``, given as fractions of the canvas's box."""
    box = page.locator(canvas).bounding_box()
    assert box is not None
    spots = [(box["x"] + fx * box["width"], box["y"] + fy * box["height"]) for fx, fy in points]
    page.mouse.move(*spots[0])
    page.mouse.down()
    for spot in spots[1:]:
        page.mouse.move(*spot, steps=8)
    page.mouse.up()


def count(page: Page, color: str) -> int:
    text = page.locator("#seen .rx-value").input_value()
    return int(text.split(f"{color}=")[1].split()[0])


def test_strokes_drawn_with_the_mouse_reach_the_function(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    open_app(page, serve(editor_app()))
    canvas = "#ed canvas.rx-editor-canvas"
    seen = page.locator("#seen .rx-value")
    draw(page, canvas, [(0.1, 0.5), (0.9, 0.5)])  # a red line across the middle
    expect(seen).to_have_value(re.compile(r"^200x100 red=\d+ blue=0 ink=\d+ back=none layers=1$"))
    red = count(page, "red")
    assert red > 500  # ~160 px long, 8 px wide

    page.locator("#ed .rx-editor-color[data-color='#0000ff']").click()
    draw(page, canvas, [(0.5, 0.1), (0.5, 0.9)])  # a blue line down, over the red one
    expect(seen).not_to_have_value(re.compile(r"blue=0 "))
    assert count(page, "blue") > 300
    red = count(page, "red")  # less the crossing, painted blue

    page.locator("#ed .rx-editor-tool[data-tool='eraser']").click()
    draw(page, canvas, [(0.1, 0.5), (0.4, 0.5)])  # the left of the red line rubbed out
    expect(seen).not_to_have_value(re.compile(rf"red={red} "))
    assert 0 < count(page, "red") < red * 0.8

    picture = tmp_path / "back.png"
    PILImage.new("RGB", (300, 150), (0, 200, 0)).save(picture)
    page.locator("#ed .rx-editor-upload input[type=file]").set_input_files(str(picture))
    expect(page.locator("#uploads .rx-value")).to_have_value("1")
    expect(seen).to_have_value(re.compile(r"^300x150 .* back=150x300x4 layers=1$"))

    page.locator("#ed .rx-editor-tool[data-tool='crop']").click()
    draw(page, canvas, [(0.5, 0.5), (-0.1, -0.1)])  # keep the top left quarter (past the edge)
    expect(seen).to_have_value(re.compile(r"^150x75 "))

    page.locator("#ed .rx-editor-add-layer").click()  # a second layer, drawn on in blue
    page.locator("#ed .rx-editor-tool[data-tool='brush']").click()
    ink = page.locator("#seen .rx-value").input_value().split("ink=")[1].split()[0]
    draw(page, canvas, [(0.2, 0.2), (0.8, 0.2)])
    expect(seen).to_have_value(
        re.compile(rf"ink={ink} back=75x150x4 layers=2$")
    )  # layer 1 as it was

    before = seen.input_value()
    draw(page, canvas, [(0.2, 0.8), (0.8, 0.8)])
    expect(seen).not_to_have_value(before)
    page.locator("#ed .rx-editor-undo").click()  # that stroke taken back
    expect(seen).to_have_value(before)
    page.locator("#ed .rx-editor-tool[data-tool='crop']").click()
    draw(page, canvas, [(0.5, 0.5), (-0.1, -0.1)])
    expect(seen).not_to_have_value(before)
    page.locator(canvas).press("Control+z")  # and the crop, from the keyboard
    expect(seen).to_have_value(before)

    page.locator("#ed .rx-clear").click()
    expect(seen).to_have_value("200x100 red=0 blue=0 ink=0 back=none layers=1")  # a blank canvas


def halves() -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    red = np.zeros((100, 200, 3), dtype=np.uint8)
    red[..., 0] = 255
    blue = np.zeros((100, 200, 3), dtype=np.uint8)
    blue[..., 2] = 255
    return red, blue


def compare_app() -> gr.Blocks:
    with gr.Blocks() as demo:
        gr.ImageSlider(halves(), elem_id="cmp")
        mine = gr.ImageSlider(type="numpy", elem_id="mine")
        mine.upload(lambda pair: (pair[0], 255 - pair[0]), mine, mine)
        boxes = [((0, 0, 100, 50), "sky"), ((100, 50, 200, 100), "sea")]
        shown = gr.AnnotatedImage((halves()[0], boxes), color_map={"sea": "#0000ff"}, elem_id="ann")
        picked = gr.Textbox(label="Picked", elem_id="picked")

        def pick(evt: gr.SelectData) -> str:
            return f"{evt.index}:{evt.value}"

        shown.select(pick, None, picked)
    return demo


def colors_across(page: Page, selector: str) -> list[list[int]]:
    """The colors a person sees at 10 %, 40 %, 60 % and 90 % across the element's middle."""
    shot = np.asarray(PILImage.open(io.BytesIO(page.locator(selector).screenshot())).convert("RGB"))
    height, width = shot.shape[:2]
    return [shot[height // 2, int(width * f)].tolist() for f in (0.1, 0.4, 0.6, 0.9)]


def is_red(c: list[int]) -> bool:
    return c[0] > 200 and c[2] < 60


def test_the_slider_divide_dragged_and_an_annotation_clicked(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    open_app(page, serve(compare_app()))
    stage = "#cmp .rx-slider-stage"
    page.locator(f"{stage} img.rx-slider-after").wait_for()
    assert [is_red(c) for c in colors_across(page, stage)] == [True, True, False, False]
    box = page.locator(stage).bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()  # the divide dragged to three quarters: red now covers 60 % too
    assert [is_red(c) for c in colors_across(page, stage)] == [True, True, True, False]

    picture = tmp_path / "green.png"
    PILImage.new("RGB", (40, 20), (0, 200, 0)).save(picture)
    page.locator("#mine input[type=file]").set_input_files(str(picture))
    after = page.locator("#mine img.rx-slider-after")
    expect(after).to_be_visible()  # the function's pair: the upload and its inverse

    sea = page.locator("#ann .rx-annotated-box[data-label='sea']")
    base = page.locator("#ann img.rx-annotated-base").bounding_box()
    frame = sea.bounding_box()
    assert base is not None
    assert frame is not None
    assert abs(frame["x"] - (base["x"] + base["width"] / 2)) < 3  # drawn where its box says
    page.locator("#ann .rx-annotated-label", has_text="sea").click()
    expect(page.locator("#picked .rx-value")).to_have_value("1:sea")


def test_a_webcam_snapshot_is_the_background_drawn_on(fpage: Page, serve: Serve) -> None:
    with gr.Blocks() as demo:
        editor = gr.ImageEditor(sources=["webcam"], elem_id="ed")
        seen = gr.Textbox(label="Seen", elem_id="seen")
        editor.upload(describe, editor, seen)
    open_app(fpage, serve(demo))
    fpage.locator("#ed .rx-editor-webcam-open").click()
    expect(fpage.locator("#ed .rx-editor-webcam video")).to_be_visible()
    fpage.locator("#ed .rx-editor-capture").click()  # the camera's picture, then the canvas
    expect(fpage.locator("#ed .rx-editor-webcam")).to_have_count(0)
    expect(fpage.locator("#seen .rx-value")).to_have_value(
        re.compile(r"^(\d+)x(\d+) .* back=\2x\1x4 layers=1$")
    )


def test_a_fixed_canvas_fits_the_picture_in(page: Page, serve: Serve, tmp_path: Path) -> None:
    def bands(value: dict[str, Any]) -> str:
        back = value["background"]
        return f"{back.shape[1]}x{back.shape[0]} top={back[2, 50, 3]} middle={back[50, 50, 3]}"

    with gr.Blocks() as demo:
        editor = gr.ImageEditor(canvas_size=(100, 100), fixed_canvas=True, elem_id="ed")
        seen = gr.Textbox(label="Seen", elem_id="seen")
        editor.upload(bands, editor, seen)
    open_app(page, serve(demo))
    picture = tmp_path / "wide.png"
    PILImage.new("RGB", (300, 150), (0, 200, 0)).save(picture)
    page.locator("#ed .rx-editor-upload input[type=file]").set_input_files(str(picture))
    # the canvas keeps its size; the picture, scaled to 100x50, sits in its middle
    expect(page.locator("#seen .rx-value")).to_have_value("100x100 top=0 middle=255")

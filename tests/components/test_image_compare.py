"""ImageSlider (two pictures, a divide), AnnotatedImage (boxes and masks with labels) and
WaveformOptions on gr.Audio."""

from __future__ import annotations

import io
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image as PILImage

import reactive as gr
from reactive.errors import CompatibilityWarning, DefinitionError
from reactive.testing import AppTester


def png(color: tuple[int, int, int], size: tuple[int, int] = (4, 3)) -> dict[str, Any]:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return {"mime": "image/png", "data": buffer.getvalue(), "name": "p.png"}


def test_slider_pairs_in_and_out() -> None:
    slider = gr.ImageSlider(type="pil")
    wire = slider.postprocess((np.zeros((3, 4, 3), dtype=np.uint8), None))
    assert wire is not None
    assert wire[0]["w"] == 4
    assert wire[1] is None
    first, second = slider.preprocess([png((255, 0, 0)), None]) or (None, None)
    assert isinstance(first, PILImage.Image)
    assert second is None
    with pytest.raises(gr.OutputError, match="pair"):
        slider.postprocess(np.zeros((3, 4, 3)))
    with pytest.raises(DefinitionError, match="slider_position"):
        gr.ImageSlider(slider_position=120)


def moved_to(page: AppTester, position: float) -> bool:
    return any(
        e.get("t") == "props" and e["p"].get("slider_position") == position for e in page.events
    )


async def test_a_slider_upload_and_a_new_position() -> None:
    with gr.Blocks() as demo:
        slider = gr.ImageSlider(type="numpy", elem_id="s")
        position = gr.Slider(0, 100, 50, elem_id="pos")
        slider.upload(lambda pair: (pair[0], 255 - pair[0]), slider, slider)
        position.change(lambda p: gr.ImageSlider(slider_position=p), position, slider)
    async with AppTester(demo) as page:
        await page.input("s", [png((255, 0, 0)), None])
        assert await page.wait_until(
            lambda: (page.page.values.get("s") or [None, None])[1] is not None
        )
        inverted = PILImage.open(io.BytesIO(page.page.values["s"][1]["data"])).convert("RGB")
        assert inverted.getpixel((0, 0)) == (0, 255, 255)
        await page.input("pos", 20)
        assert await page.wait_until(lambda: moved_to(page, 20))


def test_annotations_as_boxes_and_colored_masks() -> None:
    shown = gr.AnnotatedImage(color_map={"cat": "#00ff00"})
    mask = np.zeros((3, 4))
    mask[1, 2] = 1.0
    wire = shown.postprocess(
        (np.zeros((3, 4, 3), dtype=np.uint8), [((0, 0, 2, 2), "dog"), (mask, "cat")])
    )
    assert wire is not None
    box, painted = wire["annotations"]
    assert box == {"label": "dog", "color": "#ef4444", "box": [0.0, 0.0, 2.0, 2.0]}
    overlay = np.asarray(PILImage.open(io.BytesIO(painted["mask"]["data"])))
    assert painted["color"] == "#00ff00"
    assert overlay[1, 2].tolist() == [0, 255, 0, 127]  # its color at mask_opacity 0.5
    assert overlay[0, 0, 3] == 0
    with pytest.raises(gr.OutputError, match="box"):
        shown.postprocess((np.zeros((3, 4, 3)), [("nowhere", "x")]))


async def test_a_click_on_a_label_selects_its_annotation() -> None:
    with gr.Blocks() as demo:
        shown = gr.AnnotatedImage(
            (np.zeros((3, 4, 3), dtype=np.uint8), [((0, 0, 1, 1), "a"), ((1, 1, 2, 2), "b")]),
            elem_id="ann",
        )
        picked = gr.Textbox(elem_id="picked")

        def pick(evt: gr.SelectData) -> str:
            return f"{evt.index}:{evt.value}"

        shown.select(pick, None, picked)
    async with AppTester(demo) as page:
        assert page.welcome["app"]["components"]["ann"]["props"]["events"] == ["select"]
        data = {"index": 1, "value": "b", "selected": True}
        await page.send({"t": "trigger", "c": "ann", "e": "select", "d": data})
        assert await page.wait_value("picked", "1:b")


def wav(path: Path, rate: int, seconds: float = 0.1) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(np.zeros(int(rate * seconds), dtype="<i2").tobytes())
    return path


def test_waveform_sample_rate_resamples_and_looks_warn(tmp_path: Path) -> None:
    with pytest.warns(CompatibilityWarning, match=r"waveform_options\.waveform_color"):
        audio = gr.Audio(waveform_options=gr.WaveformOptions(waveform_color="#01C6FF",
                                                            sample_rate=16000))  # fmt: skip
    rate, samples = audio.from_file(wav(tmp_path / "a.wav", 48000))
    assert rate == 16000
    assert len(samples) == 1600
    path = gr.Audio(type="filepath", waveform_options={"sample_rate": 8000}).from_file(
        wav(tmp_path / "b.wav", 48000)
    )
    with wave.open(path) as back:
        assert back.getframerate() == 8000
    kept = gr.Audio(waveform_options=gr.WaveformOptions()).from_file(wav(tmp_path / "c.wav", 22050))
    assert kept[0] == 22050
    with pytest.raises(DefinitionError, match="sample_rate"):
        gr.WaveformOptions(sample_rate=5)

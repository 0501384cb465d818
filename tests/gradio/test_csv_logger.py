"""gr.CSVLogger: a Blocks listener flags its inputs; each flag is a CSV row, a picture saved
as a PNG beside it."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b2a0cf0000000049454e44ae426082"
)


async def test_each_flag_appends_a_row_with_its_values(tmp_path: Path) -> None:
    callback = gr.CSVLogger()
    with gr.Blocks() as demo:
        text = gr.Textbox(label="Text", elem_id="text")
        strength = gr.Slider(0, 1, 0.5, label="Strength", elem_id="strength")
        picture = gr.Image(label="Picture", elem_id="picture", value=np.zeros((2, 2, 3), np.uint8))
        rows = gr.Number(elem_id="rows")
        callback.setup([text, strength, picture], tmp_path / "flagged")
        gr.Button("Flag", elem_id="flag").click(
            lambda *args: callback.flag(list(args), flag_option="bad"),
            [text, strength, picture],
            rows,
        )
    async with AppTester(demo) as page:
        await page.input("text", "hello")
        await page.click("flag")
        assert await page.wait_value("rows", 1)
        await page.click("flag")
        assert await page.wait_value("rows", 2)
    _check_rows(tmp_path / "flagged" / "dataset.csv")


def _check_rows(path: Path) -> None:
    with path.open() as file:
        table = list(csv.reader(file))
    assert table[0] == ["Text", "Strength", "Picture", "flag", "username", "timestamp"]
    assert table[1][:2] == ["hello", "0.5"]
    assert table[1][3] == "bad"
    assert Path(table[1][2]).suffix == ".png"
    assert Path(table[1][2]).is_file()


def test_misuse_is_refused(tmp_path: Path) -> None:
    callback = gr.CSVLogger()
    with pytest.raises(DefinitionError, match="setup"):
        callback.flag(["x"])
    callback.setup([gr.Textbox()], tmp_path)
    with pytest.raises(DefinitionError, match="1 components"):
        callback.flag(["x", "y"])


async def test_preprocess_false_passes_the_pages_values_and_a_picture_is_flagged(
    tmp_path: Path,
) -> None:
    """Gradio's blocks_flag demo: callback.flag(list(args)) with preprocess=False."""
    callback = gr.CSVLogger()
    seen: list[Any] = []
    with gr.Blocks() as demo:
        picture = gr.Image(label="Picture", elem_id="picture")
        strength = gr.Slider(0, 1, 0.5, label="Strength", elem_id="strength")
        rows = gr.Number(elem_id="rows")
        callback.setup([picture, strength], tmp_path)

        def flag(*args: Any) -> int:
            seen.append(args)
            return callback.flag(list(args))

        gr.Button("Flag", elem_id="flag").click(flag, [picture, strength], rows, preprocess=False)
    upload = {"name": "dot.png", "mime": "image/png", "data": PNG}
    async with AppTester(demo) as page:
        await page.input("picture", upload)
        await page.click("flag")
        assert await page.wait_value("rows", 1)
    assert seen[0][0]["data"] == PNG  # as the page sent it, not decoded
    assert seen[0][1] == 0.5
    _check_saved(tmp_path / "dataset.csv")


def _check_saved(path: Path) -> None:
    with path.open() as file:
        table = list(csv.reader(file))
    assert Path(table[1][0]).read_bytes() == PNG

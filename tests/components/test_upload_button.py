"""gr.UploadButton: a button whose chosen files are its value; .upload and .click listeners."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def _file(name: str, data: bytes = b"hello") -> dict[str, Any]:
    return {"name": name, "mime": "image/png", "data": data}


async def test_chosen_files_reach_upload_listeners_as_paths_with_a_name() -> None:
    clicks: list[int] = []
    with gr.Blocks() as demo:
        out = gr.File(file_count="multiple", elem_id="out")
        button = gr.UploadButton(
            "Upload images", file_types=["image"], file_count="multiple", elem_id="up"
        )
        button.upload(lambda files: [f.name for f in files], button, out)
        button.click(lambda: clicks.append(1), None, None)
    described = demo.describe()["components"]["up"]
    assert described["type"] == "uploadbutton"
    assert described["props"]["text"] == "Upload images"
    assert described["props"]["file_types"] == ["image"]
    async with AppTester(demo) as page:
        await page.click("up")
        await page.input("up", [_file("a.png"), _file("b.png", b"world")])
        assert await page.wait_until(lambda: bool(page.page.values.get("out")))
        assert [f["name"] for f in page.page.values["out"]] == ["a.png", "b.png"]
        assert page.session is not None
        paths = page.session.values["up"]
        assert [Path(p).name for p in paths] == ["a.png", "b.png"]
        assert [p.name for p in paths] == paths  # Gradio's file.name: the path
    assert clicks == [1]


async def test_a_file_of_a_refused_type_is_an_error_and_binary_gives_bytes() -> None:
    with gr.Blocks() as demo:
        size = gr.Number(elem_id="size")
        button = gr.UploadButton(file_types=[".txt"], type="binary", elem_id="up")
        button.upload(len, button, size)
    async with AppTester(demo) as page:
        await page.input("up", {"name": "a.txt", "mime": "text/plain", "data": b"abc"})
        assert await page.wait_value("size", 3)
        await page.input("up", _file("x.png"))
        error = await page.wait_error()
        assert error["code"] == "bad_value"
        assert "not one of the accepted types" in error["msg"]


def test_its_variant_is_checked_and_it_updates_like_a_component() -> None:
    with pytest.raises(DefinitionError, match="variant"):
        gr.UploadButton(variant="loud")
    assert gr.UploadButton(visible=False).given_props() == {"visible": False}

"""Examples: checked when defined; a click fills the inputs (and runs, with run_on_click)."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image as PILImage

import reactive as rx
from reactive.errors import DefinitionError
from reactive.testing import AppTester
from tests.media import generate


def adder(run_on_click: bool = False, live: bool = False) -> rx.App:
    app = rx.App()

    @app.fn(
        inputs=[rx.Number(elem_id="a"), rx.Radio(["+", "-"], elem_id="op")],
        outputs=rx.Number(elem_id="out"),
        examples=[[1, "+"], [5, "-"]],
        run_on_click=run_on_click,
        live=live,
    )
    def calc(a: float | None, op: str | None) -> float:
        return (a or 0) * (1 if op == "+" else -1)

    return app


def test_examples_are_described_with_headers_and_cells() -> None:
    spec = adder().describe()["fns"][0]["examples"]
    assert spec == {
        "inputs": ["a", "op"],
        "headers": ["a", "op"],
        "rows": [["1", "+"], ["5", "-"]],
        "run": False,
    }


async def test_a_click_fills_the_inputs_with_the_page_types() -> None:
    async with AppTester(adder()) as page:
        await page.send({"t": "example", "f": "calc", "i": 1})
        assert await page.wait_value("op", "-")
        assert page.page.values["a"] == 5
        assert page.session is not None
        assert page.session.values["a"] == 5.0  # as if typed: Number gives a float
        assert isinstance(page.session.values["a"], float)
        assert "calc" not in page.page.status  # not run


async def test_run_on_click_runs_the_function() -> None:
    async with AppTester(adder(run_on_click=True)) as page:
        await page.send({"t": "example", "f": "calc", "i": 1})
        assert await page.wait_value("out", -5)


async def test_a_live_function_reruns_on_a_click() -> None:
    async with AppTester(adder(live=True)) as page:
        await page.send({"t": "example", "f": "calc", "i": 0})
        assert await page.wait_value("out", 1)


async def test_a_bad_example_index_is_refused() -> None:
    async with AppTester(adder()) as page:
        await page.send({"t": "example", "f": "calc", "i": 9})
        assert "has no example 9" in (await page.wait_error())["msg"]
        await page.send({"t": "example", "f": "nope", "i": 0})
        assert (await page.wait_error())["code"] == "unknown_function"


def test_examples_are_checked_when_defined() -> None:
    app = rx.App()
    with pytest.raises(DefinitionError, match=r"f\(\): example 2 has 1 values; give one value"):

        @app.fn(inputs=[rx.Number(), rx.Number()], outputs=rx.Number(), examples=[[1, 2], [3]])
        def f(a: float, b: float) -> float:
            return a + b

    with pytest.raises(DefinitionError, match=r"example 1 does not fit .*'x' is not one"):

        @app.fn(inputs=rx.Radio(["a"]), outputs=rx.Text(), examples=["x"])
        def g(a: str) -> str:
            return a


async def test_image_examples_show_thumbnails_and_give_arrays(tmp_path: Path) -> None:
    path = tmp_path / "red.png"
    PILImage.new("RGB", (300, 200), "red").save(path)
    app = rx.App()

    @app.fn(
        inputs=rx.Image(elem_id="img"),
        outputs=rx.Text(elem_id="out"),
        examples=[str(path)],
        run_on_click=True,
    )
    def shape(image: np.ndarray) -> str:
        return str(image.shape)

    cell = app.describe()["fns"][0]["examples"]["rows"][0][0]
    with PILImage.open(io.BytesIO(cell["data"])) as thumb:
        assert max(thumb.size) <= 96
    async with AppTester(app) as page:
        await page.send({"t": "example", "f": "shape", "i": 0})
        assert await page.wait_value("out", "(200, 300, 3)")


async def test_media_examples_are_decoded_off_the_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clip = generate.write_wav(tmp_path / "clip.wav", 16000, 0.1)
    app = rx.App()

    @app.fn(
        inputs=rx.Audio(type="filepath", elem_id="clip"),
        outputs=rx.Text(elem_id="out"),
        examples=[[str(clip)]],
        run_on_click=True,
    )
    def name(path: str) -> str:
        return Path(path).suffix

    decoded_in: list[int] = []
    original = rx.Audio.preprocess

    def spy(self: rx.Audio, value: object) -> object:
        decoded_in.append(threading.get_ident())
        return original(self, value)

    monkeypatch.setattr(rx.Audio, "preprocess", spy)
    async with AppTester(app) as page:
        await page.send({"t": "example", "f": "name", "i": 0})
        assert await page.wait_value("out", ".wav")
    assert decoded_in
    assert threading.get_ident() not in decoded_in  # never on the loop's thread

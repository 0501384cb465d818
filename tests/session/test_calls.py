"""The ``call`` message: one exposed function run once with the caller's arguments."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import reactive as rx
from reactive.testing import AppTester


def _app() -> rx.App:
    app = rx.App()

    @app.fn(inputs=[rx.Textbox(), rx.Number()], outputs=rx.Text())
    def repeat(text: str, times: float) -> str:
        return text * int(times)

    @app.fn(inputs=rx.Textbox(), outputs=rx.Text(), api=False)
    def private(text: str) -> str:
        return text

    return app


async def _called(page: AppTester, call: int) -> dict[str, Any]:
    found: list[dict[str, Any]] = []

    def seen() -> bool:
        found[:] = [e for e in page.events if e["t"] == "called" and e["k"] == call]
        return bool(found)

    assert await page.wait_until(seen)
    return found[0]


async def test_a_call_runs_the_function_and_names_its_run() -> None:
    async with AppTester(_app()) as page:
        await page.send({"t": "call", "k": 1, "f": "repeat", "a": ["ab", 3]})
        called = await _called(page, 1)
        assert await page.wait_status("repeat", "done")
        assert called["r"] == page.page.status["repeat"]["r"]
        assert page.page.values[page.page.outputs["repeat"][0]] == "ababab"


async def test_a_wrong_input_is_refused_naming_the_input() -> None:
    async with AppTester(_app()) as page:
        await page.send({"t": "call", "k": 7, "f": "repeat", "a": ["ab", "three"]})
        called = await _called(page, 7)
        assert called["code"] == "bad_value"
        assert "input 1" in called["msg"]
        assert "r" not in called


async def test_api_false_and_unknown_functions_are_refused() -> None:
    async with AppTester(_app()) as page:
        await page.send({"t": "call", "k": 1, "f": "private", "a": ["x"]})
        await page.send({"t": "call", "k": 2, "f": "nope", "a": []})
        assert (await _called(page, 1))["code"] == "unknown_function"
        assert (await _called(page, 2))["code"] == "unknown_function"
        assert page.welcome["app"]["fns"][1]["api"] is False


async def test_a_call_with_the_wrong_count_of_arguments_is_refused() -> None:
    async with AppTester(_app()) as page:
        await page.send({"t": "call", "k": 3, "f": "repeat", "a": ["ab"]})
        called = await _called(page, 3)
        assert called["code"] == "bad_value"
        assert "takes 2 input(s), got 1" in called["msg"]


def _audio_app() -> rx.App:
    app = rx.App()

    @app.fn(inputs=rx.Audio(type="filepath"), outputs=rx.Text())
    def name_of(path: str) -> str:
        return path.rsplit("/", 1)[-1]

    return app


def _wav() -> bytes:
    from reactive.client.values import wav_bytes

    return wav_bytes(8000, np.zeros(800, dtype=np.int16))


async def test_a_call_takes_a_file_uploaded_in_parts_before_it() -> None:
    async with AppTester(_audio_app()) as page:
        output = page.page.outputs["name_of"][0]
        component = page.welcome["app"]["fns"][0]["inputs"][0]
        await page.upload(component, _wav(), "tone.wav", "audio/wav", part_size=500)
        await page.send({"t": "call", "k": 1, "f": "name_of", "a": [None], "u": [[0, 1]]})
        called = await _called(page, 1)
        assert "r" in called, called
        assert await page.wait_status("name_of", "done")
        assert page.page.values[output] == "tone.wav"


async def test_a_call_naming_an_upload_that_is_not_the_inputs_value_is_refused() -> None:
    async with AppTester(_audio_app()) as page:
        await page.send({"t": "call", "k": 4, "f": "name_of", "a": [None], "u": [[0, 9]]})
        called = await _called(page, 4)
        assert called["code"] == "bad_value"
        assert "upload 9 is not complete" in called["msg"]


@pytest.mark.parametrize("pairs", [[[0]], [[1, 1]], [[0, -1]], [["0", 1]], "x"])
async def test_malformed_upload_pairs_are_bad_frames(pairs: Any) -> None:
    async with AppTester(_audio_app()) as page:
        await page.send({"t": "call", "k": 1, "f": "name_of", "a": [None], "u": pairs})
        error = await page.wait_error()
        assert error["code"] == "bad_frame"

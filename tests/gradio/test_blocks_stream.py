"""``comp.stream(fn, inputs, outputs, stream_every=, time_limit=)``: Gradio's streaming listener."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester

RATE = 16000


def audio_chunk(index: int, samples: list[int]) -> dict[str, Any]:
    data = np.asarray(samples, dtype="<i2").tobytes()
    return {"t": "stream", "c": "mic", "s": 1, "i": index, "k": "pcm", "sr": RATE, "d": data}


def level_demo(calls: list[list[int]]) -> gr.Blocks:
    with gr.Blocks() as demo:
        mic = gr.Audio(sources=["microphone"], streaming=True, elem_id="mic")
        out = gr.Textbox(elem_id="out")

        def level(chunk: tuple[int, np.ndarray[Any, Any]]) -> str:
            rate, samples = chunk
            calls.append(samples.tolist())
            return f"{rate}:{int(samples[0])}"

        mic.stream(level, inputs=mic, outputs=out, stream_every=0.25, time_limit=30)
    return demo


def test_a_stream_listener_is_a_function_fed_by_the_inputs_chunks() -> None:
    demo = level_demo([])
    (bound,) = demo.functions
    assert [(t.component, t.event) for t in bound.triggers] == [("mic", "stream")]
    assert (bound.stream_every, bound.time_limit) == (0.25, 30)


async def test_every_chunk_calls_the_listener_in_order() -> None:
    calls: list[list[int]] = []
    async with AppTester(level_demo(calls)) as page:
        for index in range(3):
            await page.send(audio_chunk(index, [index * 10, 1]))
            assert await page.wait_value("out", f"{RATE}:{index * 10}")
    assert calls == [[0, 1], [10, 1], [20, 1]]


def test_stream_on_a_component_that_does_not_stream_is_refused() -> None:
    with gr.Blocks():
        text = gr.Textbox()
        with pytest.raises(DefinitionError, match=r"needs a streaming input"):
            text.stream(lambda t: t, text, text)


def test_stream_every_on_another_listener_is_refused() -> None:
    with gr.Blocks():
        text = gr.Textbox()
        with pytest.raises(DefinitionError, match=r"stream_every .*need a streaming"):
            text.change(lambda t: t, text, text, stream_every=0.5)

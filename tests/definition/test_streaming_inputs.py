"""Streaming inputs in definitions: a "stream" trigger per streaming input, stream_every and
time_limit on the bound function (and refused without a streaming input), through rx.Interface."""

from __future__ import annotations

import re
from typing import Any

import pytest

import reactive as rx
from reactive.definition.graph import TriggerSpec
from reactive.errors import DefinitionError


def mic(**kwargs: Any) -> rx.Audio:
    return rx.Audio(sources=["microphone"], streaming=True, elem_id="mic", **kwargs)


def test_a_streaming_input_is_a_stream_trigger_with_its_settings() -> None:
    app = rx.App()
    gain = rx.Slider(0, 10, elem_id="gain")

    @app.fn(inputs=[mic(), gain], outputs=rx.Text(), stream_every=0.25, time_limit=30, live=True)
    def level(chunk: Any, g: float) -> str:
        return ""

    [bound] = app.functions
    assert bound.triggers == [TriggerSpec("mic", "stream"), TriggerSpec("gain", "change")]
    assert (bound.stream_every, bound.time_limit) == (0.25, 30)
    assert app.graph.triggers[("mic", "stream")] == (bound,)
    props = app.describe()["components"]["mic"]["props"]
    assert (props["stream_every"], props["time_limit"], props["streaming"]) == (0.25, 30, True)
    assert "stream_every" not in app.describe()["components"]["gain"]["props"]
    assert not any(c.type == "button" for c in app.components.values())  # no Submit button


def test_the_webcam_streams_frames_at_gradios_default_pace() -> None:
    app = rx.App()

    @app.fn(inputs=rx.Image(sources=["webcam"], streaming=True, elem_id="cam"),
            outputs=rx.Image())  # fmt: skip
    def mirror(frame: Any) -> Any:
        return frame[:, ::-1]

    [bound] = app.functions
    assert bound.triggers == [TriggerSpec("cam", "stream")]
    assert (bound.stream_every, bound.time_limit) == (0.5, None)
    assert app.describe()["fns"][0]["stream"] == {"every": 0.5, "limit": None}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"stream_every": 0.5}, "stream_every need a streaming input"),
        ({"time_limit": 3}, "time_limit need a streaming input"),
    ],
)
def test_stream_settings_without_a_streaming_input_are_refused(
    kwargs: dict[str, Any], message: str
) -> None:
    app = rx.App()
    with pytest.raises(DefinitionError, match=message):
        app.fn(inputs=rx.Audio(sources=["microphone"]), outputs=rx.Text(), **kwargs)(lambda a: a)


@pytest.mark.parametrize("kwargs", [{"stream_every": 0}, {"time_limit": -1}])
def test_stream_settings_must_be_positive(kwargs: dict[str, Any]) -> None:
    app = rx.App()
    with pytest.raises(DefinitionError, match="must be a positive number of seconds"):
        app.fn(inputs=mic(), outputs=rx.Text(), **kwargs)(lambda a: a)


def test_a_streaming_image_needs_the_webcam() -> None:
    with pytest.raises(DefinitionError, match="give sources=\\['webcam'\\]"):
        rx.Image(streaming=True)


def test_gradio_names_stream_through_the_interface() -> None:
    import reactive as gr

    demo = gr.Interface(
        lambda chunk: "x",
        gr.Audio(sources=["microphone"], streaming=True),
        "text",
        live=True,
        stream_every=0.2,
        time_limit=10,
    )
    [bound, _clear] = demo.functions
    assert [t.event for t in bound.triggers] == ["stream"]
    assert (bound.stream_every, bound.time_limit) == (0.2, 10)
    assert not any(getattr(c, "value", None) == "Submit" for c in demo.components.values())


def test_a_streaming_video_input_is_refused_with_what_to_use_instead() -> None:
    app = rx.App()
    with pytest.raises(
        DefinitionError, match=re.escape("use rx.Image(sources=['webcam'], streaming=True)")
    ):
        app.fn(inputs=rx.Video(sources=["webcam"], streaming=True), outputs=rx.Text())(lambda v: v)

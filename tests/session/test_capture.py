"""Streaming inputs: microphone chunks each call the function, in order and never lost; webcam
frames follow the latest-value rule; stop, the time limit, the byte limit and the page going."""

from __future__ import annotations

import asyncio
import io
import threading
from typing import Any

import numpy as np
import pytest
from PIL import Image as PILImage

import reactive as rx
from reactive.scheduler.clock import FakeClock
from reactive.session import capture, manager
from reactive.session.session import Session
from reactive.testing import AppTester

RATE = 16000


def pcm(values: list[int] | np.ndarray[Any, Any]) -> bytes:
    return np.asarray(values, dtype="<i2").tobytes()


def audio_chunk(stream: int, index: int, samples: bytes, rate: int = RATE) -> dict[str, Any]:
    head = {"t": "stream", "c": "mic", "s": stream, "i": index}
    return head | {"k": "pcm", "sr": rate, "d": samples}


def jpeg(shade: int) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (8, 6), (shade, 0, 0)).save(out, "JPEG", quality=95)
    return out.getvalue()


def frame(stream: int, index: int, shade: int) -> dict[str, Any]:
    return {"t": "stream", "c": "cam", "s": stream, "i": index, "k": "image", "mime": "image/jpeg",
            "d": jpeg(shade)}  # fmt: skip


def mic_app(calls: list[Any], gate: threading.Event | None = None, **fn: Any) -> rx.App:
    app = rx.App()

    @app.fn(inputs=rx.Audio(sources=["microphone"], streaming=True, elem_id="mic"),
            outputs=rx.Text(elem_id="out"), stream_every=0.25, **fn)  # fmt: skip
    def level(chunk: tuple[int, np.ndarray[Any, Any]]) -> str:
        if gate is not None:
            gate.wait(5)
        rate, samples = chunk
        calls.append((rate, samples.dtype, samples.tolist()))
        return str(int(samples[0]))

    return app


async def test_every_microphone_chunk_calls_the_function_with_just_that_chunk() -> None:
    calls: list[Any] = []
    async with AppTester(mic_app(calls)) as page:
        for index in range(3):
            await page.send(audio_chunk(1, index, pcm([index * 10, index * 10 + 1])))
            assert await page.wait_value("out", str(index * 10))
    assert calls == [(RATE, np.dtype("int16"), [i * 10, i * 10 + 1]) for i in range(3)]


async def test_a_slow_function_loses_no_sound_and_keeps_the_order() -> None:
    calls: list[Any] = []
    gate = threading.Event()
    async with AppTester(mic_app(calls, gate)) as page:
        for index in range(8):
            await page.send(audio_chunk(1, index, pcm([index])))
        gate.set()
        assert await page.wait_until(lambda: len(calls) == 8)
        assert await page.wait_value("out", "7")
    assert [samples for _, _, samples in calls] == [[i] for i in range(8)]


async def test_past_the_bounded_queue_the_stream_stops_with_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(capture, "MAX_WAITING_CHUNKS", 3)
    calls: list[Any] = []
    gate = threading.Event()
    async with AppTester(mic_app(calls, gate)) as page:
        for index in range(5):  # one running, three waiting: the fifth is one too many
            await page.send(audio_chunk(1, index, pcm([index])))
        error = await page.wait_error()
        assert (error["code"], error["c"]) == ("too_large", "mic")
        assert "slower than the stream" in error["msg"]
        await page.send(audio_chunk(1, 5, pcm([5])))  # the stream is over: ignored
        gate.set()
        assert await page.wait_until(lambda: len(calls) == 4)
        await page.send(audio_chunk(2, 0, pcm([99])))  # a new stream starts afresh
        assert await page.wait_value("out", "99")
    assert [samples[0] for _, _, samples in calls] == [0, 1, 2, 3, 99]


async def test_a_stream_over_the_byte_limit_is_stopped() -> None:
    calls: list[Any] = []
    app = mic_app(calls)
    app.max_upload_bytes = 8
    async with AppTester(app) as page:
        await page.send(audio_chunk(1, 0, pcm([1, 2, 3])))
        assert await page.wait_value("out", "1")
        await page.send(audio_chunk(1, 1, pcm([4, 5, 6])))
        error = await page.wait_error()
        assert (error["code"], error["c"]) == ("too_large", "mic")
        assert "more than 8 bytes" in error["msg"]
    assert len(calls) == 1


async def test_chunks_out_of_order_or_of_the_wrong_kind_are_refused() -> None:
    calls: list[Any] = []
    async with AppTester(mic_app(calls)) as page:
        await page.send(audio_chunk(1, 0, pcm([1])))
        await page.send(audio_chunk(1, 2, pcm([3])))
        error = await page.wait_error()
        assert (error["code"], error["c"]) == ("bad_frame", "mic")
        await page.send(frame(2, 0, 10) | {"c": "mic"})
        error = await page.wait_error()
        assert (error["code"], error["c"]) == ("bad_value", "mic")
        await page.send(audio_chunk(3, 0, pcm([1])) | {"c": "out"})
        error = await page.wait_error()
        assert error["code"] == "unknown_component"


async def test_the_time_limit_ends_a_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock()

    class FakeClockSession(Session):
        def __init__(self, app: rx.App, session_id: str, **kwargs: Any) -> None:
            super().__init__(app, session_id, clock=clock, **kwargs)

    monkeypatch.setattr(manager, "Session", FakeClockSession)
    calls: list[Any] = []
    async with AppTester(mic_app(calls, time_limit=2)) as page:
        await page.send(audio_chunk(1, 0, pcm([1])))
        await clock.advance(2 + capture.TIME_LIMIT_GRACE - 0.1)
        await page.send(audio_chunk(1, 1, pcm([2])))
        assert await page.wait_value("out", "2")
        await clock.advance(0.2)
        await page.send(audio_chunk(1, 2, pcm([3])))
        error = await page.wait_error()
        assert (error["code"], error["c"]) == ("bad_value", "mic")
        assert "time limit of 2 s" in error["msg"]
        await page.send(audio_chunk(1, 3, pcm([4])))
    assert [samples[0] for _, _, samples in calls] == [1, 2]


def cam_app(seen: list[int], gate: threading.Event, started: threading.Event) -> rx.App:
    app = rx.App()

    @app.fn(inputs=rx.Image(sources=["webcam"], streaming=True, elem_id="cam"),
            outputs=rx.Image(elem_id="shown"), stream_every=0.1)  # fmt: skip
    def mirror(picture: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        seen.append(round(int(picture[0, 0, 0]) / 10) * 10)
        started.set()
        gate.wait(5)
        return picture[:, ::-1]

    return app


async def test_a_slow_webcam_function_sees_the_newest_frame_and_skips_stale_ones() -> None:
    seen: list[int] = []
    gate, started = threading.Event(), threading.Event()
    async with AppTester(cam_app(seen, gate, started)) as page:
        await page.send(frame(1, 0, 0))
        assert await asyncio.to_thread(started.wait, 5)
        for index in range(1, 6):  # arrive while frame 0 is being processed
            await page.send(frame(1, index, index * 40))
        gate.set()
        assert await page.wait_until(lambda: shown_shade(page) == 200)
        await page.send(frame(1, 6, 250))
        assert await page.wait_until(lambda: shown_shade(page) == 250)
    assert seen == [0, 200, 250]  # frames 1..4 were skipped, never queued


def shown_shade(page: AppTester) -> int | None:
    """The red level (to the nearest 10) of the picture the page shows, or None."""
    value = page.page.values.get("shown")
    if not isinstance(value, dict):
        return None
    picture = np.asarray(PILImage.open(io.BytesIO(value["data"])))
    assert picture.shape == (6, 8, 3)
    return round(int(picture[0, 0, 0]) / 10) * 10


async def test_stop_drops_the_held_frame_and_ends_the_stream() -> None:
    seen: list[int] = []
    gate, started = threading.Event(), threading.Event()
    async with AppTester(cam_app(seen, gate, started)) as page:
        await page.send(frame(1, 0, 0))
        assert await asyncio.to_thread(started.wait, 5)
        await page.send(frame(1, 1, 100))
        await page.send({"t": "stream_end", "c": "cam", "s": 1})
        await page.send(frame(1, 2, 200))  # after the stop: ignored
        gate.set()
        assert await page.wait_status("mirror", "done")
        await page.send({"t": "stream_end", "c": "cam", "s": 1})  # twice: harmless
    assert seen == [0]


async def test_closing_the_page_closes_a_generator_that_streams() -> None:
    app = rx.App()
    closed = threading.Event()
    started = threading.Event()

    @app.fn(inputs=rx.Audio(sources=["microphone"], streaming=True, elem_id="mic"),
            outputs=rx.Text(elem_id="out"))  # fmt: skip
    def echo(chunk: tuple[int, np.ndarray[Any, Any]]) -> Any:
        try:
            for n in range(1000):
                started.set()
                yield str(n)
                rx.checkpoint()
                threading.Event().wait(0.01)
        finally:
            closed.set()

    async with AppTester(app) as page:
        await page.send(audio_chunk(1, 0, pcm([1])))
        assert await asyncio.to_thread(started.wait, 5)
        assert app.functions[0].stream_every == 0.5  # Gradio's default
        page.disconnect()
        assert await asyncio.to_thread(closed.wait, 5)


async def test_a_filepath_microphone_chunk_is_a_wav_file_of_that_chunk() -> None:
    app = rx.App()
    got: list[tuple[int, list[int]]] = []

    @app.fn(inputs=rx.Audio(sources=["microphone"], streaming=True, type="filepath",
                            elem_id="mic"), outputs=rx.Text(elem_id="out"))  # fmt: skip
    def keep(path: str) -> str:
        import wave

        with wave.open(path) as file:
            data = np.frombuffer(file.readframes(file.getnframes()), "<i2")
            got.append((file.getframerate(), data.tolist()))
        return "ok"

    async with AppTester(app) as page:
        await page.send(audio_chunk(1, 0, pcm([5, -5, 7])))
        assert await page.wait_value("out", "ok")
    assert got == [(RATE, [5, -5, 7])]


async def test_stop_closes_a_generator_that_streams() -> None:
    app = rx.App()
    closed = threading.Event()
    started = threading.Event()

    @app.fn(inputs=rx.Audio(sources=["microphone"], streaming=True, elem_id="mic"),
            outputs=rx.Text(elem_id="out"))  # fmt: skip
    def echo(chunk: tuple[int, np.ndarray[Any, Any]]) -> Any:
        try:
            for n in range(1000):
                started.set()
                yield str(n)
                threading.Event().wait(0.01)
        finally:
            closed.set()

    async with AppTester(app) as page:
        await page.send(audio_chunk(1, 0, pcm([1])))
        assert await asyncio.to_thread(started.wait, 5)
        await page.send({"t": "stream_end", "c": "mic", "s": 1})
        assert await asyncio.to_thread(closed.wait, 5)
        assert await page.wait_status("echo", "cancelled")


async def test_a_page_that_comes_back_while_recording_is_told_the_stream_ended() -> None:
    calls: list[Any] = []
    app = mic_app(calls)
    async with AppTester(app) as page:
        await page.send(audio_chunk(1, 0, pcm([1])))
        assert await page.wait_value("out", "1")
        assert page.session is not None
        session_id = page.session.id
        page.disconnect()
        async with AppTester(app, session_id=session_id, manager=page.manager) as again:
            assert again.welcome["resumed"]
            await again.send(audio_chunk(1, 1, pcm([2])))
            error = await again.wait_error()
            assert (error["code"], error["c"]) == ("bad_value", "mic")
            assert "connection dropped while recording" in error["msg"]
            await again.send(audio_chunk(1, 2, pcm([3])))  # said once; then ignored
            await again.send(audio_chunk(2, 0, pcm([4])))  # Record again: a new stream
            assert await again.wait_value("out", "4")
    assert [samples[0] for _, _, samples in calls] == [1, 4]

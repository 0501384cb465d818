"""Streaming outputs and uploads through a real session, in memory (AppTester)."""

from __future__ import annotations

import asyncio
import logging
import time
import warnings
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import reactive as rx
from reactive.testing import AppTester
from tests.media import generate
from tests.media.test_ffmpeg import ffmpeg_children
from tests.session.polling import poll


def level(value: int, frames: int = 480) -> tuple[int, np.ndarray[Any, Any]]:
    """A chunk whose samples all hold ``value``: its identity on the page."""
    return 48000, np.full(frames, value, dtype=np.int16)


def chunks_of(page: AppTester, component: str) -> list[dict[str, Any]]:
    return [e for e in page.page.applied if e["t"] in ("chunk", "end") and e["c"] == component]


def levels(events: list[dict[str, Any]]) -> list[int]:
    return [int(np.frombuffer(e["v"]["data"], "<i2")[0]) for e in events if e["t"] == "chunk"]


def streaming_app(gen: Any, **output: Any) -> rx.App:
    app = rx.App()
    out = rx.Audio(streaming=True, elem_id="out", **output)
    app.fn(inputs=[], outputs=out, trigger=rx.Button("Go", elem_id="go"))(gen)
    return app


async def test_every_chunk_of_a_fast_async_generator_arrives_in_order() -> None:
    async def fast() -> AsyncIterator[Any]:
        for i in range(60):
            yield level(i)

    async with AppTester(streaming_app(fast)) as page:
        await page.click("go")
        assert await page.wait_status("fast", "done")
        events = chunks_of(page, "out")
        assert levels(events) == list(range(60))  # none skipped, none reordered
        assert events[-1] == {"t": "end", "c": "out", "r": events[0]["r"], "f": "fast"}
        kinds = [e["t"] for e in page.page.applied if e.get("c") == "out" or e.get("f") == "fast"]
        assert kinds[-2:] == ["end", "status"]  # the end before "done"


async def test_a_sync_generator_hands_over_every_chunk() -> None:
    def quick() -> Iterator[Any]:
        for i in range(40):
            yield level(i)

    app = streaming_app(quick)
    assert not app.functions[0].conflates
    async with AppTester(app) as page:
        await page.click("go")
        assert await page.wait_status("quick", "done")
        assert levels(chunks_of(page, "out")) == list(range(40))


async def test_a_page_that_does_not_acknowledge_pauses_the_generator() -> None:
    produced: list[int] = []

    def endless() -> Iterator[Any]:
        for i in range(10_000):
            produced.append(i)
            yield level(i, 4800)  # 9.6 kB each

    async with AppTester(streaming_app(endless), auto_ack=False, window_bytes=50_000) as page:
        await page.click("go")
        assert page.session is not None
        gate = page.session.gate
        assert await page.wait_until(lambda: not gate.is_open)  # the window is full
        # Held there: the window holds ~5 chunks and a few more wait in queues, while unpaced
        # the generator would make thousands in this time.
        assert not await poll(lambda: len(produced) >= 30, timeout=0.5)
        assert not gate.is_open
        paused_at = len(produced)
        page.auto_ack = True
        await page.send({"t": "ack", "n": page.batches})
        assert await page.wait_until(lambda: len(produced) > paused_at + 30)  # going on again
        received = levels(chunks_of(page, "out"))
        assert received == list(range(len(received)))
        assert len(received) > paused_at


async def test_a_new_run_drops_the_old_stream_and_kills_its_encoder() -> None:
    app = rx.App()

    @app.fn(
        inputs=[],
        outputs=rx.Video(streaming=True, elem_id="vid"),
        trigger=rx.Button("Go", elem_id="go"),
    )
    async def frames() -> AsyncIterator[Any]:
        for i in range(100):
            yield generate.frames(32, 32, 5, i)
            await asyncio.sleep(0.05)

    def sent(run: int) -> list[dict[str, Any]]:  # what the server sent, stale or not
        return [e for e in page.events if e.get("c") == "vid" and e["r"] == run]

    async with AppTester(app) as page:
        await page.click("go")
        assert await page.wait_until(lambda: len(chunks_of(page, "vid")) >= 2)
        first_run = chunks_of(page, "vid")[0]["r"]
        await page.click("go")
        assert await page.wait_until(lambda: page.page.status["frames"]["r"] > first_run)
        second_run = page.page.status["frames"]["r"]
        assert page.page.status["frames"]["s"] == "running"
        assert await page.wait_until(lambda: len(sent(second_run)) >= 3, timeout=10)
        # Nothing of the old run was sent once the new one began, so the page dropped nothing.
        runs = [e["r"] for e in page.events if e.get("c") == "vid" or e.get("f") == "frames"]
        switch = runs.index(second_run)
        assert set(runs[switch:]) == {second_run}
        assert page.page.dropped == []
        assert await poll(lambda: len(ffmpeg_children()) == 1)  # the new run's encoder only
        assert len(ffmpeg_children()) == 1
    assert ffmpeg_children() == []  # the session closed: its encoders are gone


async def test_a_bad_chunk_ends_the_stream_shows_an_error_and_the_session_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = rx.App()

    @app.fn(
        inputs=[],
        outputs=rx.Audio(streaming=True, elem_id="out"),
        trigger=rx.Button("Go", elem_id="go"),
    )
    def broken() -> Iterator[Any]:
        yield level(1)
        yield level(2)
        yield 48000, np.zeros(10, dtype=np.complex64)

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="echo"), live=True)
    def echo(q: str) -> str:
        return q

    with caplog.at_level(logging.ERROR, logger="reactive"):
        async with AppTester(app) as page:
            await page.click("go")
            assert await page.wait_status("broken", "error")
            assert "dtype complex64" in page.page.status["broken"]["msg"]
            events = chunks_of(page, "out")
            assert levels(events) == [1, 2]
            assert events[-1]["t"] == "end"
            await page.input("q", "still here")
            assert await page.wait_value("echo", "still here")
    assert any("broken" in r.getMessage() for r in caplog.records)


async def test_a_rate_change_mid_stream_is_shown_as_an_error() -> None:
    def changes() -> Iterator[Any]:
        yield 24000, generate.tone(24000, 0.1)
        yield 16000, generate.tone(16000, 0.1)

    async with AppTester(streaming_app(changes)) as page:
        await page.click("go")
        assert await page.wait_status("changes", "error")
        assert "changed mid-stream" in page.page.status["changes"]["msg"]


async def test_a_file_repeated_streams_each_time(tmp_path: Path) -> None:
    clip = generate.write_wav(tmp_path / "clip.wav", 24000, 0.2)
    app = rx.App()

    @app.fn(
        inputs=rx.Audio(type="filepath", value=str(clip), elem_id="clip"),
        outputs=rx.Audio(streaming=True, autoplay=True, elem_id="out"),
        trigger=rx.Button("Go", elem_id="go"),
    )
    def keep_repeating(audio_file: str) -> Iterator[str]:
        for _ in range(3):
            time.sleep(0.01)
            yield audio_file

    async with AppTester(app) as page:
        initial = page.welcome["app"]["components"]["clip"]["props"]["value"]
        assert initial["mime"] == "audio/wav"
        assert initial["name"] == "clip.wav"
        await page.click("go")
        assert await page.wait_status("keep_repeating", "done")
        events = chunks_of(page, "out")
        assert [e["t"] for e in events] == ["chunk"] * 3 + ["end"]
        assert all(e["v"]["sr"] == 24000 and len(e["v"]["data"]) == 9600 for e in events[:3])


def upload_app(kind: str, app: rx.App | None = None, **options: Any) -> tuple[rx.App, list[Any]]:
    seen: list[Any] = []
    app = app if app is not None else rx.App()
    component = (
        rx.Audio(elem_id="in", **options) if kind == "audio" else rx.Video(elem_id="in", **options)
    )

    @app.fn(inputs=component, outputs=rx.Text(elem_id="out"), live=True)
    def got(value: Any) -> str:
        seen.append(value)
        return "ok"

    return app, seen


async def test_an_uploaded_file_reaches_the_function_as_a_path(tmp_path: Path) -> None:
    app, seen = upload_app("audio", type="filepath")
    data = generate.wav_bytes(16000, 1.0)
    async with AppTester(app) as page:
        await page.upload("in", data, "voice memo.wav", "audio/wav", part_size=5000)
        assert await page.wait_value("out", "ok")
        assert page.page.received["in"]["n"] == len(data)
        path = Path(seen[-1])
        assert path.name == "voice memo.wav"
        assert await asyncio.to_thread(path.read_bytes) == data
    assert not await asyncio.to_thread(path.exists)  # deleted with the session


async def test_the_apps_per_session_upload_cap_reaches_every_session() -> None:
    app, seen = upload_app("audio", rx.App(max_session_bytes=20_000), type="filepath")
    async with AppTester(app) as page:
        await page.upload("in", generate.wav_bytes(16000, 1.0), "long.wav", "audio/wav")
        error = await page.wait_error()
        assert "max_session_bytes" in error["msg"]  # the app's 20 kB, not the 2 GiB default
        assert seen == []


async def test_an_uploaded_mp3_reaches_a_numpy_input_decoded(media: dict[str, Path]) -> None:
    app, seen = upload_app("audio", type="numpy")
    async with AppTester(app) as page:
        await page.upload("in", media["mp3"].read_bytes(), "tone.mp3", "audio/mpeg")
        assert await page.wait_value("out", "ok")
        rate, samples = seen[-1]
        assert rate == 48000
        assert samples.shape == (24000,)
        assert samples.dtype == np.int16


async def test_a_small_file_may_come_in_one_input_message(media: dict[str, Path]) -> None:
    app, seen = upload_app("video")
    async with AppTester(app) as page:
        data = media["ts"].read_bytes()
        await page.input("in", {"mime": "video/mp2t", "data": data, "name": "clip.ts"})
        assert await page.wait_value("out", "ok")
        assert await asyncio.to_thread(Path(seen[-1]).read_bytes) == data


async def test_a_video_upload_is_converted_to_the_asked_format(media: dict[str, Path]) -> None:
    app, seen = upload_app("video", format="mp4")
    async with AppTester(app) as page:
        await page.upload("in", media["webm"].read_bytes(), "clip.webm", "video/webm")
        assert await page.wait_value("out", "ok")
        assert Path(seen[-1]).suffix == ".mp4"


async def test_an_upload_that_is_not_media_is_refused_on_the_input() -> None:
    app, seen = upload_app("audio", type="filepath")
    async with AppTester(app) as page:
        await page.upload("in", b"just text, no sound", "notes.txt", "text/plain")
        error = await page.wait_error()
        assert (error["code"], error["c"]) == ("bad_value", "in")
        assert "not an audio file" in error["msg"]
        assert seen == []


async def test_uploads_go_only_to_components_that_take_files() -> None:
    app, _ = upload_app("audio")
    app.fn(inputs=rx.Textbox(elem_id="t"), outputs=[], live=True)(lambda t: None)
    async with AppTester(app) as page:
        await page.upload("t", b"abc", "a.txt")
        error = await page.wait_error()
        assert error["code"] == "bad_frame"
        assert "takes no file uploads" in error["msg"]


def test_microphone_is_offered_as_given_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no CompatibilityWarning any more: the page records
        component = rx.Audio(sources=["microphone", "upload"])
    assert component.sources == ["microphone", "upload"]


async def test_the_seed_examples_work_through_the_gradio_shim() -> None:
    def tts(prompt: str) -> Iterator[tuple[int, np.ndarray[Any, Any]]]:
        for _ in prompt.split():
            yield 24000, generate.tone(24000, 0.1)

    demo = rx.Interface(tts, "text", rx.Audio(streaming=True, autoplay=True, elem_id="speech"))
    async with AppTester(demo) as page:
        await page.input(demo.functions[0].inputs[0].id, "three small words")
        submit = next(
            cid for cid, c in demo.components.items() if getattr(c, "value", None) == "Submit"
        )
        await page.click(submit)
        assert await page.wait_status("tts", "done")
        assert [e["t"] for e in chunks_of(page, "speech")] == ["chunk"] * 3 + ["end"]
        clear = next(
            cid for cid, c in demo.components.items() if getattr(c, "value", None) == "Clear"
        )
        await page.click(clear)  # None before any chunk of the run: the output is cleared
        assert await page.wait_until(
            lambda: any(e["t"] == "update" and e["c"] == "speech" for e in page.page.applied)
        )
        assert page.page.values["speech"] is None


async def test_none_mid_stream_is_nothing_to_play() -> None:
    def gappy() -> Iterator[Any]:
        yield level(1)
        yield None
        yield level(2)

    async with AppTester(streaming_app(gappy)) as page:
        await page.click("go")
        assert await page.wait_status("gappy", "done")
        events = chunks_of(page, "out")
        assert levels(events) == [1, 2]
        assert not any(e["t"] == "update" for e in page.page.applied if e.get("c") == "out")

"""Streamed audio and video as Chromium really plays them: recorded sound, decoded frames."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from playwright.sync_api import Page, expect

import reactive as rx
from tests.browser import media_probe as probe
from tests.browser.conftest import Serve, open_app, screenshot
from tests.media import generate

RATE = 48000
# 100 ms chunks of mixed lengths (20 ms to 140 ms), 2 s in all.
LENGTHS = [0.1, 0.06, 0.14, 0.1, 0.02, 0.08, 0.1, 0.12, 0.1, 0.08] * 2


def tone_chunks(folder: Path, lengths: list[float], kinds: int = 3) -> tuple[list[Any], float]:
    """One continuous tone cut into numpy, WAV-file and MP3-file chunks, in turn."""
    chunks: list[Any] = []
    start = 0.0
    for index, length in enumerate(lengths):
        kind = index % kinds
        if kind == 0:
            chunks.append((RATE, generate.tone(RATE, length, start=start)))
        elif kind == 1:
            chunks.append(generate.write_wav(folder / f"{index}.wav", RATE, length, start=start))
        else:
            chunks.append(
                str(generate.write_mp3(folder / f"{index}.mp3", RATE, length, start=start))
            )
        start += length
    return chunks, start


def audio_app(chunks: list[Any], due: list[float] | None = None) -> rx.App:
    """Streams ``chunks`` as fast as it can, or each at its ``due`` second (real time)."""
    app = rx.App(title="audio")

    @app.fn(
        inputs=[],
        outputs=rx.Audio(streaming=True, autoplay=True, elem_id="out"),
        trigger=rx.Button("Speak", elem_id="go"),
    )
    def speak() -> Iterator[Any]:
        began = time.monotonic()
        for index, chunk in enumerate(chunks):
            if due is not None:
                time.sleep(max(0.0, began + due[index] - time.monotonic()))
            yield chunk

    return app


def starts(lengths: list[float], ahead: float = 0.0) -> list[float]:
    """When each chunk is due in real time (once the chunks before it have played), less ahead."""
    return [max(0.0, sum(lengths[:index]) - ahead) for index in range(len(lengths))]


@pytest.mark.parametrize(
    ("real_time", "kinds"),
    [(False, 3), (True, 1)],
    ids=["numpy-wav-mp3-as-fast-as-possible", "numpy-paced-like-a-tts-model"],
)
def test_streamed_audio_is_gapless(
    page: Page, serve: Serve, tmp_path: Path, real_time: bool, kinds: int
) -> None:
    """Chunk joins are sample exact: the recording is as long as the chunks, with no gap or click.

    Paced, the generator yields each numpy chunk 100 ms before it is due, as a text-to-speech
    model a little faster than real time does. (Exactly in real time, the page's lead time is
    the only slack against a late chunk; the benchmarks measure that case.)
    """
    chunks, seconds = tone_chunks(tmp_path, LENGTHS, kinds)
    probe.install(page)
    open_app(page, serve(audio_app(chunks, starts(LENGTHS, 0.1) if real_time else None)))
    page.locator("#go button").click()
    expect(page.locator("#out")).to_have_attribute("data-stream", "done", timeout=10_000)
    [recording] = probe.recordings(page)
    result = probe.analyse(recording)
    assert recording.rate == RATE
    assert abs(result.played_s - seconds) < 0.002, result
    assert result.gaps == []
    assert result.clicks == []
    # Once played, the stream is offered whole: replay and download.
    player = page.locator("#out audio.rx-player")
    expect(player).to_be_visible()
    duration = player.evaluate(
        "(a) => new Promise((ok) => a.readyState ? ok(a.duration) : "
        "a.addEventListener('loadedmetadata', () => ok(a.duration)))"
    )
    assert abs(duration - seconds) < 0.01
    expect(page.locator("#out a.rx-download")).to_have_attribute("download", "out.wav")
    if real_time:
        screenshot(page, "media-audio-replay")


def test_a_new_run_stops_the_old_stream_and_a_bad_chunk_shows_an_error(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    corrupt = tmp_path / "corrupt.mp3"
    corrupt.write_bytes(b"ID3" + bytes(range(256)) * 4)
    app = rx.App(title="errors")
    clicks: list[int] = []

    @app.fn(
        inputs=[],
        outputs=rx.Audio(streaming=True, autoplay=True, elem_id="out"),
        trigger=rx.Button("Go", elem_id="go"),
    )
    def speak() -> Iterator[Any]:
        clicks.append(1)
        first = len(clicks) == 1
        for index in range(40 if first else 3):
            time.sleep(0.05)
            yield RATE, generate.tone(RATE, 0.1, start=0.1 * index)
        if not first:
            yield str(corrupt)

    probe.install(page)
    open_app(page, serve(app))
    page.locator("#go button").click()
    expect(page.locator("#out")).to_have_attribute("data-stream", "live")
    page.wait_for_timeout(400)
    page.locator("#go button").click()  # a new run: the long stream stops at once
    expect(page.locator("#out")).to_have_attribute("data-status", "error", timeout=10_000)
    expect(page.locator("#out .rx-error")).to_contain_text("Cannot convert")
    expect(page.locator("#out")).to_have_attribute("data-stream", "done")  # its 0.3 s: replayable
    screenshot(page, "media-audio-error")
    first, second = (probe.analyse(r) for r in probe.recordings(page))
    assert first.played_s < 1.0  # of 4 s: stopped by the second click
    assert abs(second.played_s - 0.3) < 0.002
    assert second.gaps == []
    page.locator("#go button").click()  # the page and the session go on
    expect(page.locator("#out")).to_have_attribute("data-stream", "live")


def video_app(chunks: list[Any]) -> rx.App:
    app = rx.App(title="video")

    @app.fn(
        inputs=[],
        outputs=rx.Video(streaming=True, autoplay=True, elem_id="out"),
        trigger=rx.Button("Play", elem_id="go"),
    )
    def replay() -> Iterator[Any]:
        for chunk in chunks:
            time.sleep(0.1)
            yield chunk

    return app


def test_streamed_video_plays_every_chunk_in_order(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    width, height = 320, 240
    chunks: list[Any] = [
        generate.write_video(tmp_path / "a.mp4", width, height, 0.6, 0),  # with B-frames
        generate.write_video(tmp_path / "b.ts", width, height, 0.6, 1),
        generate.frames(width, height, 15, 2),  # numpy frames, 25 fps
        generate.frames(width, height, 15, 3),
        str(generate.write_video(tmp_path / "e.webm", width, height, 0.6, 4, codec="libvpx")),
    ]
    open_app(page, serve(video_app(chunks)))
    page.evaluate(probe.VIDEO_SAMPLER, "#out video")
    page.locator("#go button").click()
    expect(page.locator("#out")).to_have_attribute("data-stream", "done", timeout=15_000)
    state = page.evaluate(probe.VIDEO_STATE, "#out video")
    assert probe.colour_order(state["samples"], generate.COLOURS) == [0, 1, 2, 3, 4]
    assert len(state["ranges"]) == 1
    assert state["ranges"][0][0] == 0
    assert abs(state["ranges"][0][1] - 3.0) < 0.05
    assert state["ended"]
    assert state["decoded"] >= 74
    assert [e for e, _ in state["events"]].count("error") == 0
    page.locator("#out video").evaluate("(v) => { v.currentTime = 1.7; }")  # seek back
    screenshot(page, "media-video-stream")
    expect(page.locator("#out a.rx-download")).to_be_visible()


def test_whole_files_show_with_native_controls(page: Page, serve: Serve, tmp_path: Path) -> None:
    app = rx.App(title="files")
    clip = generate.write_video(tmp_path / "clip.ts", 160, 120, 0.4, 2)

    @app.fn(
        inputs=[],
        outputs=[rx.Audio(elem_id="sound"), rx.Video(elem_id="film")],
        trigger=rx.Button("Show", elem_id="go"),
    )
    def show() -> tuple[Any, Any]:
        return (16000, generate.tone(16000, 0.5)), str(clip)  # a .ts: converted to MP4

    open_app(page, serve(app))
    page.locator("#go button").click()
    for selector, expected in (("#sound audio", 0.5), ("#film video", 0.4)):
        element = page.locator(selector)
        expect(element).to_have_attribute("src", re.compile(r"^blob:"))
        duration = element.evaluate(
            "(m) => new Promise((ok) => m.readyState ? ok(m.duration) : "
            "m.addEventListener('loadedmetadata', () => ok(m.duration)))"
        )
        assert abs(duration - expected) < 0.05
        assert element.evaluate("(m) => m.controls")


def test_an_uploaded_clip_is_streamed_back_ten_times(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    clip = generate.write_mp3(tmp_path / "clip.mp3", RATE, 0.2)
    app = rx.App(title="keep repeating")

    @app.fn(
        inputs=rx.Audio(type="filepath", sources=["upload"], elem_id="clip"),
        outputs=rx.Audio(streaming=True, autoplay=True, elem_id="out"),
        trigger=rx.Button("Repeat", elem_id="go"),
    )
    def keep_repeating(audio_file: str) -> Iterator[str]:
        for _ in range(10):
            yield audio_file

    probe.install(page)
    open_app(page, serve(app))
    page.set_input_files("#clip input[type=file]", str(clip))
    expect(page.locator("#clip audio.rx-player")).to_be_visible()  # the page previews it
    expect(page.locator("#clip .rx-upload-note")).to_have_text("")  # upload done
    page.locator("#go button").click()
    expect(page.locator("#out")).to_have_attribute("data-stream", "done", timeout=10_000)
    [recording] = probe.recordings(page)
    result = probe.analyse(recording)
    assert abs(result.played_s - 2.0) < 0.002
    assert result.gaps == []


def test_a_file_larger_than_one_message_uploads_in_parts(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    big = tmp_path / "long.wav"
    seconds = 200.0  # 19.2 MB of 48 kHz mono WAV: more than one 16 MiB message
    samples = np.zeros(int(RATE * seconds), dtype=np.int16)
    samples[::100] = 1000
    from reactive.media.pcm import Pcm, encode_wav

    big.write_bytes(encode_wav(Pcm(RATE, samples[:, None])))
    app = rx.App(title="upload")

    @app.fn(
        inputs=rx.Audio(type="filepath", elem_id="clip"), outputs=rx.Text(elem_id="out"), live=True
    )
    def size(path: str | None) -> str:
        return "" if path is None else f"{Path(path).stat().st_size} bytes"

    open_app(page, serve(app))
    page.set_input_files("#clip input[type=file]", str(big))
    expect(page.locator("#out .rx-value")).to_have_text(
        f"{big.stat().st_size} bytes", timeout=15_000
    )
    expect(page.locator("#clip")).not_to_have_attribute("data-status", "error")


def test_without_autoplay_a_stream_waits_for_play(page: Page, serve: Serve) -> None:
    app = rx.App(title="no autoplay")

    @app.fn(
        inputs=[],
        outputs=rx.Audio(streaming=True, elem_id="out"),
        trigger=rx.Button("Go", elem_id="go"),
    )
    def quiet() -> Iterator[Any]:
        for index in range(5):
            yield RATE, generate.tone(RATE, 0.1, start=0.1 * index)

    probe.install(page)
    open_app(page, serve(app))
    page.locator("#go button").click()
    # Nothing plays: once the stream is in, the page offers it whole, to play when asked.
    expect(page.locator("#out")).to_have_attribute("data-stream", "done")
    player = page.locator("#out audio.rx-player")
    expect(player).to_be_visible()
    assert player.evaluate("(a) => a.paused")
    assert all(probe.analyse(r).played_s == 0 for r in probe.recordings(page))

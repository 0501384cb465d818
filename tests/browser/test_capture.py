"""Recorded inputs in Chromium: the microphone and the webcam, with Chromium's fake devices.

The fake microphone plays a WAV of a 440 Hz tone made here (Chromium loops it); the fake camera
shows its green test card. A recording goes up as an ordinary upload and reaches the function.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from playwright.sync_api import Browser, Page, expect

import reactive as rx
from reactive.cli import background_server, load_app
from reactive.media import ffmpeg
from reactive.media.pcm import parse_wav
from tests.browser import media_probe as probe
from tests.browser.conftest import (
    FAKE_MIC_RATE,
    Serve,
    open_app,
    screenshot,
)

TONE_HZ = 440.0
RATE = FAKE_MIC_RATE
DEMOS = Path(__file__).parent.parent.parent / "demos" / "gradio"

# Waits in the page until the recorder of `selector` records, then stops it `ms` later (the
# length of the recording is what is tested, so the page times it, not the test's round trips).
RECORD_FOR = """([selector, ms]) => new Promise((started, failed) => {
  const rec = document.querySelector(selector + ' .rx-recorder');
  const watch = new MutationObserver(() => {
    if (rec.dataset.problem) { watch.disconnect(); failed(new Error(rec.textContent)); }
    if (rec.dataset.state !== 'recording') return;
    watch.disconnect();
    setTimeout(() => rec.querySelector('.rx-rec-stop').click(), ms);
    started();
  });
  watch.observe(rec, {attributes: true});
  rec.querySelector('.rx-rec-record').click();
})"""


def record(page: Page, selector: str, seconds: float) -> None:
    page.evaluate(RECORD_FOR, [selector, int(seconds * 1000)])


def peak_hz(rate: int, samples: np.ndarray[Any, Any]) -> float:
    mono = samples.astype(np.float64).reshape(len(samples), -1).mean(axis=1)
    spectrum = np.abs(np.fft.rfft(mono * np.hanning(len(mono))))
    return float(np.fft.rfftfreq(len(mono), 1 / rate)[int(np.argmax(spectrum))])


def mic_app(kind: str, sources: list[str], got: list[Any], **audio: Any) -> rx.App:
    app = rx.App(title="microphone")

    @app.fn(
        inputs=rx.Audio(sources=sources, type=kind, elem_id="mic", **audio),  # type: ignore[arg-type]
        outputs=rx.Textbox(elem_id="out"),
        live=True,
    )
    def heard(value: Any) -> str:
        got.append(value)
        return "" if value is None else "got it"

    return app


def test_a_recording_stops_by_itself_at_max_length(fpage: Page, serve: Serve) -> None:
    got: list[Any] = []
    open_app(fpage, serve(mic_app("numpy", ["microphone"], got, max_length=1)))
    recorder = fpage.locator("#mic .rx-recorder")
    recorder.locator(".rx-rec-record").click()  # and no Stop: max_length stops it
    expect(recorder).to_have_attribute("data-state", "recording")
    expect(recorder).to_have_attribute("data-state", "recorded", timeout=10_000)
    expect(fpage.locator("#out textarea, #out input")).to_have_value("got it", timeout=10_000)
    rate, samples = got[-1]
    assert 1.0 <= len(samples) / rate < 1.25, (rate, len(samples))


def test_two_seconds_from_the_microphone_reach_the_function_as_numpy(
    fpage: Page, serve: Serve
) -> None:
    got: list[Any] = []
    open_app(fpage, serve(mic_app("numpy", ["microphone"], got)))
    recorder = fpage.locator("#mic .rx-recorder")
    expect(recorder).to_have_attribute("data-state", "idle")
    expect(fpage.locator("#mic .rx-drop")).to_have_count(0)  # microphone only: no file picker
    record(fpage, "#mic", 2.0)
    # While recording: the elapsed time runs and the meter shows the tone's level.
    expect(recorder).to_have_attribute("data-state", "recording")
    fpage.wait_for_function(
        "(m) => Number(document.querySelector(m).getAttribute('aria-valuenow')) > 0.3",
        arg="#mic .rx-rec-meter",
    )
    expect(recorder.locator(".rx-rec-time")).to_have_text(re.compile(r"^0:0[0-2]\.\d$"))
    screenshot(fpage, "capture-microphone-recording")
    expect(recorder).to_have_attribute("data-state", "recorded", timeout=10_000)
    expect(fpage.locator("#out textarea, #out input")).to_have_value("got it", timeout=10_000)
    screenshot(fpage, "capture-microphone-recorded")

    rate, samples = got[-1]
    assert isinstance(samples, np.ndarray)
    assert samples.dtype == np.int16
    assert abs(len(samples) / rate - 2.0) < 0.1, (rate, len(samples))
    assert abs(peak_hz(rate, samples) - TONE_HZ) < 5
    # The tone as the fake microphone plays it (0.3 peak: RMS 0.21), not faded by processing.
    blocks = samples[: len(samples) // 4800 * 4800].reshape(-1, 4800).astype(np.float64) / 32768
    assert np.all(np.sqrt((blocks[1:] ** 2).mean(axis=1)) > 0.15)
    # The preview plays the recording back.
    player = fpage.locator("#mic audio.rx-player")
    expect(player).to_be_visible()
    duration = player.evaluate(
        "(m) => new Promise((ok) => m.readyState ? ok(m.duration) : "
        "m.addEventListener('loadedmetadata', () => ok(m.duration)))"
    )
    assert abs(duration - len(samples) / rate) < 0.01
    expect(recorder.locator(".rx-rec-record")).to_have_text("● Record again")

    # Clear: the function gets None; re-record: a new recording replaces it.
    recorder.locator(".rx-rec-clear").click()
    expect(fpage.locator("#out textarea, #out input")).to_have_value("")
    assert got.pop() is None
    expect(player).to_be_hidden()
    record(fpage, "#mic", 1.0)
    expect(fpage.locator("#out textarea, #out input")).to_have_value("got it", timeout=10_000)
    rate, samples = got[-1]
    assert abs(len(samples) / rate - 1.0) < 0.1


def test_a_recording_reaches_a_filepath_input_as_a_wav_removed_with_the_session(
    fpage: Page,
) -> None:
    got: list[Any] = []
    with background_server(mic_app("filepath", ["microphone", "upload"], got)) as url:
        open_app(fpage, url)
        expect(fpage.locator("#mic .rx-drop")).to_be_visible()  # the file picker is offered too
        record(fpage, "#mic", 1.0)
        expect(fpage.locator("#out textarea, #out input")).to_have_value("got it", timeout=10_000)
        path = Path(got[-1])
        assert path.suffix == ".wav"
        assert path.parent.parent.name.startswith("reactive-")
        pcm = parse_wav(path.read_bytes())
        assert abs(pcm.samples.shape[0] / pcm.rate - 1.0) < 0.1
        assert abs(peak_hz(pcm.rate, pcm.samples) - TONE_HZ) < 5
    assert not path.exists()  # the server stopped: its sessions ended, their folders went


def frames_of(path: str) -> int:
    """How many frames ffmpeg decodes from ``path``."""
    found = ffmpeg.probe_sync(Path(path))
    assert found is not None
    raw = ffmpeg.run_sync(
        ["-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"], what="the test video"
    )
    return len(raw) // (found.width * found.height * 3)


def test_a_webcam_recording_reaches_the_function_as_an_h264_mp4(fpage: Page, serve: Serve) -> None:
    got: list[str] = []
    app = rx.App(title="webcam")

    @app.fn(
        inputs=rx.Video(sources=["webcam"], format="mp4", elem_id="cam"),
        outputs=rx.Textbox(elem_id="out"),
        live=True,
    )
    def seen(path: str | None) -> str:
        if path is not None:
            got.append(path)
        return "" if path is None else "got it"

    open_app(fpage, serve(app))
    record(fpage, "#cam", 1.5)
    live = fpage.locator("#cam video.rx-rec-live")
    expect(live).to_be_visible()
    fpage.wait_for_function("() => document.querySelector('#cam video.rx-rec-live').videoWidth > 0")
    screenshot(fpage, "capture-webcam-recording")
    expect(fpage.locator("#cam .rx-recorder")).to_have_attribute(
        "data-state", "recorded", timeout=10_000
    )
    expect(live).to_be_hidden()
    expect(fpage.locator("#out textarea, #out input")).to_have_value("got it", timeout=20_000)
    screenshot(fpage, "capture-webcam-recorded")
    path = got[-1]
    assert path.endswith(".mp4")
    found = ffmpeg.probe_sync(Path(path))
    assert found is not None
    assert "mp4" in found.container
    assert found.video == "h264"
    assert found.pixel_format == "yuv420p"
    assert frames_of(path) >= 10  # 1.5 s of a 20 fps camera
    assert fpage.locator("#cam video.rx-player").evaluate("(v) => v.src.startsWith('blob:')")


DENY = """(() => {
  const md = navigator.mediaDevices;
  md.getUserMedia = () => Promise.reject(new DOMException('Permission denied', '%s'));
})();"""
INSECURE = "Object.defineProperty(window, 'isSecureContext', {value: false});"


@pytest.mark.parametrize(
    ("script", "problem", "message"),
    [
        (DENY % "NotAllowedError", "denied", "not allowed to use the camera: allow it"),
        (DENY % "NotFoundError", "missing", "No camera was found: connect one"),
        (INSECURE, "insecure", "only on a secure page"),
    ],
    ids=["permission-denied", "no-device", "not-a-secure-origin"],
)
def test_a_device_that_cannot_be_opened_says_why_and_the_page_keeps_working(
    fpage: Page, serve: Serve, script: str, problem: str, message: str
) -> None:
    app = rx.App(title="no camera")
    app.fn(inputs=rx.Video(sources=["webcam"], elem_id="cam"), outputs=rx.Textbox())(lambda v: v)

    @app.fn(inputs=rx.Textbox(elem_id="name"), outputs=rx.Textbox(elem_id="hello"), live=True)
    def hello(name: str) -> str:
        return f"Hello {name}"

    fpage.add_init_script(script)
    open_app(fpage, serve(app))
    fpage.locator("#cam .rx-rec-record").click()
    recorder = fpage.locator("#cam .rx-recorder")
    expect(recorder).to_have_attribute("data-problem", problem)
    expect(recorder.locator(".rx-rec-message")).to_contain_text(message)
    expect(recorder).to_have_attribute("data-state", "idle")
    screenshot(fpage, f"capture-problem-{problem}")
    fpage.locator("#name textarea, #name input").first.fill("Ada")
    expect(fpage.locator("#hello textarea, #hello input")).to_have_value("Hello Ada")


def test_a_microphone_permission_denied_by_the_browser_shows_the_message(
    browser: Browser, serve: Serve
) -> None:
    """The shared browser has no fake UI: a context without the permission is refused."""
    context = browser.new_context()
    try:
        page = context.new_page()
        open_app(page, serve(mic_app("numpy", ["microphone"], [])))
        page.locator("#mic .rx-rec-record").click()
        recorder = page.locator("#mic .rx-recorder")
        expect(recorder).to_have_attribute("data-problem", re.compile("denied|missing"))
        expect(recorder.locator(".rx-rec-message")).to_contain_text("press Record again")
    finally:
        context.close()


def test_seed_streaming_audio_plays_the_recording_ten_times(fpage: Page, serve: Serve) -> None:
    app = load_app(str(DEMOS / "stream_audio.py"))
    probe.install(fpage)
    open_app(fpage, serve(app))
    source, played = fpage.locator("[data-component=audio]").all()
    record(fpage, f"#{source.get_attribute('id')}", 0.5)
    expect(source.locator(".rx-recorder")).to_have_attribute("data-state", "recorded")
    expect(source.locator(".rx-rec-note")).to_have_text("")  # upload done
    fpage.get_by_role("button", name="Submit").click()
    expect(played).to_have_attribute("data-stream", "done", timeout=20_000)
    heard = [probe.analyse(r) for r in probe.recordings(fpage)]
    played_s = max(h.played_s for h in heard)
    clip = source.locator("audio.rx-player").evaluate(
        "(m) => new Promise((ok) => m.readyState ? ok(m.duration) : "
        "m.addEventListener('loadedmetadata', () => ok(m.duration)))"
    )
    assert abs(clip - 0.5) < 0.1
    assert abs(played_s - 10 * clip) < 0.01  # ten recordings back to back


def test_seed_streaming_video_plays_the_webcam_recording_ten_times(
    fpage: Page, serve: Serve
) -> None:
    app = load_app(str(DEMOS / "stream_video.py"))
    replay = app.functions[0].fn
    given: list[str] = []

    def recorded_replay(path: str) -> Iterator[Any]:  # the demo's function, its input noted
        given.append(path)
        yield from replay(path)

    app.functions[0].fn = recorded_replay
    open_app(fpage, serve(app))
    source, played = fpage.locator("[data-component=video]").all()
    out = f"#{played.get_attribute('id')} video"
    record(fpage, f"#{source.get_attribute('id')}", 1.0)
    expect(source.locator(".rx-recorder")).to_have_attribute("data-state", "recorded")
    expect(source.locator(".rx-rec-note")).to_have_text("")
    fpage.evaluate(probe.VIDEO_SAMPLER, out)
    fpage.get_by_role("button", name="Submit").click()
    expect(played).to_have_attribute("data-stream", "done", timeout=30_000)
    state = fpage.evaluate(probe.VIDEO_STATE, out)
    assert [e for e, _ in state["events"]].count("error") == 0
    assert len(state["ranges"]) == 1
    probed = ffmpeg.probe_sync(Path(given[0]))
    assert probed is not None
    assert probed.duration is not None
    # Ten copies of the recording back to back, no holes: one buffered range, at most ten times
    # the file's length. Its picture track is shorter than the file (the camera starts after the
    # microphone, and streamed video carries no sound), so the range is shorter, not longer.
    assert 6.0 <= state["ranges"][0][1] <= 10 * probed.duration + 0.5
    assert state["decoded"] > 100
    screenshot(fpage, "capture-demo-stream-video")

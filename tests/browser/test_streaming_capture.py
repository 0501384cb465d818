"""Streaming inputs in Chromium with fake devices: the microphone calls the function about every
``stream_every`` with the tone's sound; the webcam mirror paints mirrored frames; Stop and
``time_limit`` end the stream.

The fake microphone plays a WAV of a 440 Hz tone made here; the fake camera shows Chromium's
test card (a moving pac-man and a clock, so a frame and its mirror differ).
"""

from __future__ import annotations

import io
import re
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image as PILImage
from playwright.sync_api import Page, expect

import reactive as rx
from tests.browser.conftest import (
    FAKE_MIC_RATE,
    Serve,
    open_app,
    screenshot,
)

TONE_HZ = 440.0
RATE = FAKE_MIC_RATE


def peak_hz(rate: int, samples: np.ndarray[Any, Any]) -> float:
    spectrum = np.abs(np.fft.rfft(samples.astype(np.float64) * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / rate)[int(np.argmax(spectrum))])


class Heard:
    """What the streaming function got: per call, when, the rate and the samples."""

    def __init__(self) -> None:
        self.calls: list[tuple[float, int, np.ndarray[Any, Any]]] = []
        self.lock = threading.Lock()

    def count(self) -> int:
        with self.lock:
            return len(self.calls)


def level_app(heard: Heard, **fn: Any) -> rx.App:
    app = rx.App(title="level")

    @app.fn(
        inputs=rx.Audio(sources=["microphone"], streaming=True, type="numpy", elem_id="mic"),
        outputs=rx.Text(elem_id="level"),
        stream_every=0.25,
        **fn,
    )
    def level(chunk: tuple[int, np.ndarray[Any, Any]]) -> str:
        rate, samples = chunk
        with heard.lock:
            heard.calls.append((time.monotonic(), rate, samples))
            n = len(heard.calls)
        rms = np.sqrt(np.mean(samples.astype(np.float64) ** 2))
        return f"{n}: {rms:.0f}"

    return app


def wait_for(condition: Any, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_a_streaming_microphone_calls_the_function_every_chunk_until_stop(
    fpage: Page, serve: Serve
) -> None:
    heard = Heard()
    open_app(fpage, serve(level_app(heard)))
    capture = fpage.locator("#mic .rx-capture")
    expect(capture).to_have_attribute("data-state", "idle")
    expect(fpage.locator("#mic .rx-drop")).to_have_count(0)  # it streams: no file picker
    capture.locator(".rx-rec-record").click()
    expect(capture).to_have_attribute("data-state", "recording")
    # The page shows the function's outputs live, while it records.
    expect(fpage.locator("#level .rx-value")).to_have_text(
        re.compile(r"^([4-9]|\d\d+): \d+"), timeout=10_000
    )
    assert wait_for(lambda: heard.count() >= 8)
    screenshot(fpage, "stream-microphone-recording")
    capture.locator(".rx-rec-stop").click()
    expect(capture).to_have_attribute("data-state", "idle")
    sent = int(capture.get_attribute("data-sent") or 0)
    assert wait_for(lambda: heard.count() == sent), (heard.count(), sent)
    with heard.lock:
        calls = list(heard.calls)
    # Every chunk but the last (cut by Stop) is 0.25 s of the tone.
    rates = {rate for _, rate, _ in calls}
    assert len(rates) == 1, rates  # the capture's own rate, one per stream
    assert rates <= {44100, 48000}, rates
    for _, rate, samples in calls[:-1]:
        assert samples.dtype == np.int16
        assert len(samples) == round(rate * 0.25)
    for _, rate, samples in calls[1:-1]:  # the first may start in silence
        assert abs(peak_hz(rate, samples) - TONE_HZ) < 8
    # About every stream_every (the machine is shared: the median, with room).
    gaps = np.diff([when for when, _, _ in calls[1:-1]])
    assert 0.15 < float(np.median(gaps)) < 0.35, gaps


def test_the_time_limit_ends_the_stream(fpage: Page, serve: Serve) -> None:
    heard = Heard()
    open_app(fpage, serve(level_app(heard, time_limit=1.0)))
    capture = fpage.locator("#mic .rx-capture")
    capture.locator(".rx-rec-record").click()
    expect(capture).to_have_attribute("data-state", "recording")
    expect(capture).to_have_attribute("data-state", "idle", timeout=5_000)  # by itself
    sent = int(capture.get_attribute("data-sent") or 0)
    assert wait_for(lambda: heard.count() == sent)
    with heard.lock:
        seconds = sum(len(s) / rate for _, rate, s in heard.calls)
    assert 0.7 < seconds <= 1.1, seconds
    expect(capture.locator(".rx-rec-record")).to_be_visible()


def mirror_app(outputs: list[np.ndarray[Any, Any]]) -> rx.App:
    app = rx.App(title="mirror")

    @app.fn(
        inputs=rx.Image(sources=["webcam"], streaming=True, elem_id="cam"),
        outputs=rx.Image(elem_id="shown", format="png"),
        stream_every=0.1,
        time_limit=30,
    )
    def mirror(frame: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        out = frame[:, ::-1]
        outputs.append(np.ascontiguousarray(out))
        return out

    return app


SHOWN_PIXELS = """async (img) => {
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.naturalWidth; c.height = img.naturalHeight;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  const blob = await new Promise((ok) => c.toBlob(ok, 'image/png'));
  return Array.from(new Uint8Array(await blob.arrayBuffer()));
}"""


def test_the_webcam_mirror_shows_mirrored_frames(fpage: Page, serve: Serve) -> None:
    outputs: list[np.ndarray[Any, Any]] = []
    open_app(fpage, serve(mirror_app(outputs)))
    capture = fpage.locator("#cam .rx-capture")
    capture.locator(".rx-rec-record").click()
    expect(capture).to_have_attribute("data-state", "recording")
    expect(capture.locator("video.rx-rec-live")).to_be_visible()
    shown = fpage.locator("#shown img.rx-value")
    expect(shown).to_be_visible(timeout=10_000)
    assert wait_for(lambda: len(outputs) >= 10)
    screenshot(fpage, "stream-webcam-mirror")
    capture.locator(".rx-rec-stop").click()
    expect(capture).to_have_attribute("data-state", "idle")
    count = len(outputs)
    sent = int(capture.get_attribute("data-sent") or 0)
    assert 0 < count <= sent
    assert wait_for(lambda: fpage.evaluate("(i) => i.complete", shown.element_handle()))
    painted = np.asarray(
        PILImage.open(io.BytesIO(bytes(shown.evaluate(SHOWN_PIXELS)))).convert("RGB")
    )
    assert painted.shape == (240, 320, 3)
    # The page paints the function's last result: the mirror of the frame, not the frame.
    last = outputs[-1].astype(np.int16)
    as_returned = np.abs(painted.astype(np.int16) - last).mean()
    unmirrored = np.abs(painted.astype(np.int16) - last[:, ::-1]).mean()
    assert as_returned < 1.5, as_returned  # PNG: the very pixels returned
    assert unmirrored > 3, unmirrored
    assert unmirrored > 4 * as_returned, (unmirrored, as_returned)


def test_the_live_capture_demo_meters_the_tone_and_mirrors_the_camera(
    fpage: Page, serve: Serve
) -> None:
    from reactive.cli import load_app

    demo = Path(__file__).parent.parent.parent / "demos" / "live_capture.py"
    open_app(fpage, serve(load_app(str(demo))))
    fpage.locator("#mic .rx-rec-record").click()
    # The fake microphone's tone peaks at 0.3 of full scale: about -13 dBFS.
    expect(fpage.locator("#level")).to_contain_text(re.compile(r"-1[0-6] dBFS"), timeout=10_000)
    fpage.locator("#mic .rx-rec-stop").click()
    fpage.locator("#cam .rx-rec-record").click()
    expect(fpage.locator("#mirror img.rx-value")).to_be_visible(timeout=10_000)
    screenshot(fpage, "stream-demo")
    fpage.locator("#cam .rx-rec-stop").click()
    expect(fpage.locator("#cam .rx-capture")).to_have_attribute("data-state", "idle")


def test_a_function_slower_than_the_microphone_stops_the_stream_with_a_message(
    fpage: Page, serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reactive.session import capture as session_capture

    monkeypatch.setattr(session_capture, "MAX_WAITING_CHUNKS", 2)
    release = threading.Event()
    app = rx.App(title="slow")

    @app.fn(
        inputs=rx.Audio(sources=["microphone"], streaming=True, elem_id="mic"),
        outputs=rx.Text(elem_id="out"),
        stream_every=0.1,
    )
    def slow(chunk: tuple[int, np.ndarray[Any, Any]]) -> str:
        release.wait(10)
        return "done"

    open_app(fpage, serve(app))
    capture = fpage.locator("#mic .rx-capture")
    capture.locator(".rx-rec-record").click()
    # The fourth chunk finds one call running and two waiting: the server ends the stream,
    # and the page stops recording and says why.
    expect(capture).to_have_attribute("data-state", "idle", timeout=10_000)
    expect(capture.locator(".rx-rec-message")).to_have_text("")  # said once, on the error line
    expect(fpage.locator("#mic .rx-error")).to_contain_text("slower than the stream")
    release.set()
    expect(fpage.locator("#out .rx-value")).to_have_text("done")
    expect(capture.locator(".rx-rec-record")).to_be_visible()
    capture.locator(".rx-rec-record").click()  # starting afresh clears the message
    expect(fpage.locator("#mic .rx-error")).to_have_text("")
    capture.locator(".rx-rec-stop").click()


def test_a_gradio_interface_streams_the_webcam_through_the_shim(fpage: Page, serve: Serve) -> None:
    import reactive as gr

    seen: list[tuple[int, ...]] = []

    def flip(frame: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        seen.append(frame.shape)
        return np.ascontiguousarray(frame[:, ::-1])

    demo = gr.Interface(
        flip,
        gr.Image(sources=["webcam"], streaming=True),
        "image",
        live=True,
        stream_every=0.2,
        time_limit=5,
    )
    open_app(fpage, serve(demo))
    expect(fpage.get_by_role("button", name="Submit")).to_have_count(0)
    fpage.locator(".rx-capture .rx-rec-record").click()
    assert wait_for(lambda: len(seen) >= 3)
    expect(fpage.locator("[data-component=image] img.rx-value").last).to_be_visible()
    fpage.locator(".rx-capture .rx-rec-stop").click()
    assert set(seen) == {(240, 320, 3)}

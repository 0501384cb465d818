"""``python -m benchmarks --capture [--quick]``: streaming inputs against a raw WebSocket page.

Chromium with fake devices (a 440 Hz tone for the microphone; the camera at 30 fps with
``--use-fake-device-for-media-stream=fps=30``) records from reactive's page and from the floor
page (:mod:`benchmarks.capture_floor`) in the same run, in rounds taken in A B B A order so a
load that changes weighs on both alike; each figure is shown for both, and as the ratio
reactive / floor (the machine may be loaded: the ratio is the figure to compare).

- **microphone chunk → function called**: ``stream_every=0.25``; from the moment the page sends
  a chunk (the AudioWorklet posts it as soon as its last sample is captured; the send follows
  in the same task) to the moment the Python function starts, on one clock. Target ≤ 50 ms.
- **webcam mirror, 320×240**: ``stream_every=1/30`` (the fake camera's 30 frames a second); a probe
  stamps a frame number into each grabbed canvas before it is encoded, and reads it back from
  the painted (mirrored) result: frames painted per second (sustained, over the last seconds)
  and frame grabbed → processed frame painted. Targets ≥ 25 fps and ≤ 80 ms.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import numpy as np
from playwright.sync_api import Browser, Page, sync_playwright

import reactive as rx
from benchmarks import environment
from benchmarks.browser import CHROMIUM, LAUNCH_ARGS
from benchmarks.capture_floor import floor_server
from reactive.cli import background_server
from reactive.media.pcm import encode_wav, from_array

MIC_EVERY = 0.25
CAM_EVERY = 1 / 30

# Installed before any page script: the time of every large frame sent, and for the camera a
# frame number stamped into each grabbed canvas (12 blocks of 8×8 in the top row: white = 1)
# and read back from the painted result, whose stamp the mirror moved to the right edge.
PROBE = """(() => {
  const now = () => performance.timeOrigin + performance.now();
  const cap = window.__cap = {sends: [], stamps: {}, paints: [], counter: 0};
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (d) {
    if ((d.byteLength ?? d.size ?? d.length ?? 0) > 2000) cap.sends.push(now());
    return send.call(this, d);
  };
  const toBlob = HTMLCanvasElement.prototype.toBlob;
  HTMLCanvasElement.prototype.toBlob = function (...args) {
    if (this.width >= 128 && cap.stamping) {
      const id = ++cap.counter, g = this.getContext('2d');
      for (let b = 0; b < 12; b++) {
        g.fillStyle = (id >> b) & 1 ? '#fff' : '#000'; g.fillRect(b * 8, 0, 8, 8);
      }
      cap.stamps[id] = now();
    }
    return toBlob.apply(this, args);
  };
  const reader = document.createElement('canvas');
  cap.watch = (img) => {
    new MutationObserver(() => {
      img.decode().then(() => requestAnimationFrame(() => {
        const t = now(), w = img.naturalWidth;
        reader.width = w; reader.height = 8;
        const g = reader.getContext('2d', {willReadFrequently: true});
        g.drawImage(img, 0, 0);
        const row = g.getImageData(0, 4, w, 1).data;
        let id = 0;
        for (let b = 0; b < 12; b++) if (row[4 * (w - 4 - b * 8)] > 128) id |= 1 << b;
        cap.paints.push([id, t]);
      })).catch(() => {});
    }).observe(img, {attributes: true, attributeFilter: ['src']});
  };
})()"""


@dataclass(frozen=True)
class Plan:
    mic_seconds: float
    cam_seconds: float
    rounds: int  # per side, in A B B A order


FULL = Plan(mic_seconds=6.0, cam_seconds=6.0, rounds=4)
QUICK = Plan(mic_seconds=4.0, cam_seconds=4.0, rounds=2)


@dataclass
class Calls:
    """When the function started (epoch ms), per call, from whichever server called it."""

    times: list[float]
    lock: threading.Lock

    def note(self) -> None:
        with self.lock:
            self.times.append(time.time() * 1000)

    def take(self) -> list[float]:
        with self.lock:
            out, self.times[:] = list(self.times), []
            return out


def level(calls: Calls, chunk: tuple[int, np.ndarray[Any, Any]]) -> str:
    calls.note()
    _, samples = chunk
    return f"{np.sqrt(np.mean(samples.astype(np.float64) ** 2)):.1f}"


def mirror(frame: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    return frame[:, ::-1]


def reactive_app(calls: Calls) -> rx.App:
    app = rx.App(title="capture benchmark")

    @app.fn(inputs=rx.Audio(sources=["microphone"], streaming=True, elem_id="mic"),
            outputs=rx.Text(elem_id="level"), stream_every=MIC_EVERY)  # fmt: skip
    def heard(chunk: tuple[int, np.ndarray[Any, Any]]) -> str:
        return level(calls, chunk)

    @app.fn(inputs=rx.Image(sources=["webcam"], streaming=True, elem_id="cam"),
            outputs=rx.Image(elem_id="shown"), stream_every=CAM_EVERY)  # fmt: skip
    def mirrored(frame: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        return mirror(frame)

    return app


@dataclass(frozen=True)
class Side:
    """One page's figures."""

    mic_ms: list[float]  # per chunk: sent → function called
    fps: float  # the median of the rounds
    cam_ms: list[float]  # per painted frame: grabbed → painted
    fps_rounds: list[float]


class Target:
    """How to drive one page: reactive's, or the floor's."""

    def __init__(self, url: str, reactive: bool) -> None:
        self.url, self.reactive = url, reactive

    def open(self, browser: Browser, every: float) -> Page:
        page = browser.new_context().new_page()
        page.add_init_script(PROBE)
        page.goto(self.url if self.reactive else f"{self.url}?every={every}")
        if self.reactive:
            page.wait_for_selector("html[data-rx-state=ready]")
        return page

    def start(self, page: Page, which: str) -> None:
        if self.reactive:
            page.click(f"#{which} .rx-rec-record")
            page.wait_for_selector(f"#{which} .rx-capture[data-state=recording]")
        else:
            page.click(f"#{which}")

    def stop(self, page: Page, which: str) -> None:
        page.click(f"#{which} .rx-rec-stop" if self.reactive else "#stop")

    def shown(self, page: Page) -> str:
        return "#shown img" if self.reactive else "#shown"


def measure_mic(browser: Browser, target: Target, calls: Calls, seconds: float) -> list[float]:
    page = target.open(browser, MIC_EVERY)
    try:
        calls.take()
        target.start(page, "mic")
        time.sleep(seconds)  # the recording's length: what is measured happens meanwhile
        target.stop(page, "mic")
        sends: list[float] = page.evaluate("window.__cap.sends")
        deadline = time.monotonic() + 5
        while len(calls.times) < len(sends) and time.monotonic() < deadline:
            time.sleep(0.02)
        called = calls.take()
        return [c - s for s, c in zip(sends[1:], called[1:], strict=False)]  # 0: warm-up
    finally:
        page.context.close()


def measure_cam(browser: Browser, target: Target, seconds: float) -> tuple[float, list[float]]:
    page = target.open(browser, CAM_EVERY)
    try:
        page.evaluate("window.__cap.stamping = true")
        page.evaluate(f"window.__cap.watch(document.querySelector('{target.shown(page)}'))")
        target.start(page, "cam")
        time.sleep(seconds)
        target.stop(page, "cam")
        cap: dict[str, Any] = page.evaluate("({stamps: __cap.stamps, paints: __cap.paints})")
    finally:
        page.context.close()
    stamps = {int(k): v for k, v in cap["stamps"].items()}
    paints = [(int(i), t) for i, t in cap["paints"] if int(i) in stamps]
    if len(paints) < 2:
        return 0.0, []
    end = paints[-1][1]
    window = [(i, t) for i, t in paints if t >= end - (seconds - 2) * 1000]  # the last seconds
    fps = (len({i for i, _ in window}) - 1) / ((window[-1][1] - window[0][1]) / 1000)
    return fps, [t - stamps[i] for i, t in window]


def tone_wav(folder: Path) -> Path:
    """Ten seconds of a 440 Hz tone at 48 kHz: what the fake microphone plays (and loops)."""
    rate = 48000
    t = np.arange(rate * 10) / rate
    path = folder / "tone.wav"
    path.write_bytes(encode_wav(from_array(rate, (0.3 * np.sin(2 * np.pi * 440 * t)))))
    return path


def measure(plan: Plan) -> dict[str, Side]:
    calls = Calls([], threading.Lock())
    sides: dict[str, Side] = {}
    with sync_playwright() as playwright, ExitStack() as stack:
        folder = Path(stack.enter_context(TemporaryDirectory(prefix="rx-capture-bench-")))
        args = [
            *LAUNCH_ARGS,
            "--use-fake-device-for-media-stream=fps=30",
            "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-audio-capture={tone_wav(folder)}",
            "--autoplay-policy=no-user-gesture-required",
        ]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        stack.callback(browser.close)
        targets = {
            "reactive": Target(stack.enter_context(background_server(reactive_app(calls))), True),
            "floor": Target(
                stack.enter_context(floor_server(lambda c: level(calls, c), mirror)), False
            ),
        }
        mics: dict[str, list[float]] = {name: [] for name in targets}
        cams: dict[str, list[float]] = {name: [] for name in targets}
        rates: dict[str, list[float]] = {name: [] for name in targets}
        for name, target in _alternating(targets, plan.rounds):
            mics[name] += measure_mic(browser, target, calls, plan.mic_seconds)
            fps, cam = measure_cam(browser, target, plan.cam_seconds)
            rates[name].append(fps)
            cams[name] += cam
        for name in targets:
            sides[name] = Side(mics[name], statistics.median(rates[name]), cams[name], rates[name])
    return sides


def _alternating(targets: dict[str, Target], rounds: int) -> Iterator[tuple[str, Target]]:
    """A B B A A B ...: a load that changes during the run weighs on both sides alike."""
    order = list(targets.items())
    for round_ in range(rounds):
        yield from order if round_ % 2 == 0 else reversed(order)


@dataclass(frozen=True)
class Row:
    figure: str
    reactive: str
    floor: str
    ratio: str
    target: str
    ok: bool


def _p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _span(values: list[float]) -> str:
    return f"{min(values):.1f}–{max(values):.1f}" if values else "—"


def rows(sides: dict[str, Side]) -> list[Row]:
    rx_side, floor = sides["reactive"], sides["floor"]

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values):.1f} ms (p95 {_p(values, 0.95):.1f})" if values else "—"

    def ratio(a: float, b: float) -> str:
        return f"{a / b:.2f}×" if b > 0 else "—"

    mic_rx = statistics.median(rx_side.mic_ms) if rx_side.mic_ms else float("inf")
    cam_rx = statistics.median(rx_side.cam_ms) if rx_side.cam_ms else float("inf")
    mic_f = statistics.median(floor.mic_ms) if floor.mic_ms else 0.0
    cam_f = statistics.median(floor.cam_ms) if floor.cam_ms else 0.0
    return [
        Row(
            f"microphone chunk sent → function called ({MIC_EVERY:g} s chunks, "
            f"{len(rx_side.mic_ms)} / {len(floor.mic_ms)} chunks)",
            ms(rx_side.mic_ms), ms(floor.mic_ms), ratio(mic_rx, mic_f), "≤ 50 ms",
            _p(rx_side.mic_ms, 0.95) <= 50,
        ),
        Row(
            "webcam mirror 320×240: processed frames painted per second, sustained (median of "
            "the rounds; their range)",
            f"{rx_side.fps:.1f} fps ({_span(rx_side.fps_rounds)})",
            f"{floor.fps:.1f} fps ({_span(floor.fps_rounds)})", ratio(rx_side.fps, floor.fps),
            "≥ 25 fps", rx_side.fps >= 25,
        ),
        Row(
            "webcam mirror 320×240: frame grabbed → processed frame painted",
            ms(rx_side.cam_ms), ms(floor.cam_ms), ratio(cam_rx, cam_f), "≤ 80 ms",
            cam_rx <= 80,
        ),
    ]  # fmt: skip


def render(table: list[Row]) -> str:
    lines = [
        "| figure | reactive | raw WebSocket page | ratio | target |",
        "|---|---|---|---|---|",
    ]
    for row in table:
        mark = " ✓" if row.ok else " ✗"
        lines.append(
            f"| {row.figure} | {row.reactive}{mark} | {row.floor} | {row.ratio} | {row.target} |"
        )
    return "\n".join(lines)


def run(quick: bool = False) -> int:
    plan = QUICK if quick else FULL
    began = time.monotonic()
    sides = measure(plan)
    for name, value in environment.collect().items():
        print(f"{name}: {value}")
    print(f"capture plan: {plan}; {time.monotonic() - began:.0f} s\n")
    table = rows(sides)
    print(render(table))
    return 0 if all(row.ok for row in table) else 1

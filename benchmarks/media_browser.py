"""Media figures measured in Chromium: first sound, first frame, gaps and clicks.

- First sound: the page's own AudioBufferSourceNode.start(when) calls are recorded, with the
  context's getOutputTimestamp() (which context time the audio device plays at which moment),
  so the wall-clock moment the first chunk is heard is known to the millisecond; less the
  server's first-yield time. "Rendered" leaves out the device's output latency.
- First frame: the <video>'s first `loadeddata` (its first frame can be drawn), less the
  first-yield time.
- Gaps and clicks: what the page plays is recorded (tests/browser/media_probe.py: a
  MediaRecorder on a tap of the graph, which leaves the AudioContext alone) and searched for
  silent runs and sample jumps; its length is checked to the sample.
- Streams (`stream`): burst producers (every chunk yielded at once, as a text-to-speech model
  faster than real time does) and real-time ones, 100 ms and 1 s chunks, a fresh page per run:
  first sound, gaps, clicks and exact length in every run.
"""

from __future__ import annotations

import itertools
import json
import statistics
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Browser, Page

from benchmarks.media_apps import FIRST_YIELD, RATE
from benchmarks.media_server import MediaServer
from tests.browser import media_probe

# Records every AudioBufferSourceNode.start(when): [when, wall ms at context time 0 by the
# context's output timestamp (null while it is not running yet), its output latency]. The
# output timestamp of a context that has just started is not steady yet (the device fills its
# buffer: the mapping moves by 10-20 ms in the first ~40 ms), so `__rx_zero` keeps the newest
# mapping taken while the context is running and past its first 0.2 s: [wall ms at context time
# 0, output latency].
STARTS = """(() => {
  window.__rx_starts = [];
  window.__rx_zero = null;
  const watched = new WeakSet();
  const watch = (ctx) => {
    if (watched.has(ctx)) return;
    watched.add(ctx);
    const timer = setInterval(() => {
      if (ctx.state === 'closed') return clearInterval(timer);
      const t = ctx.getOutputTimestamp();
      if (ctx.state === 'running' && t.contextTime > 0.2 && t.performanceTime > 0)
        window.__rx_zero = [performance.timeOrigin + t.performanceTime - t.contextTime * 1000,
                            ctx.outputLatency];
    }, 20);
  };
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (when, ...rest) {
    const ctx = this.context, t = ctx.getOutputTimestamp();
    const zero = t.performanceTime > 0
      ? performance.timeOrigin + t.performanceTime - t.contextTime * 1000 : null;
    window.__rx_starts.push([when, zero, ctx.outputLatency]);
    watch(ctx);
    return start.call(this, when, ...rest);
  };
})();"""

BROWSER_ARGS = ["--autoplay-policy=no-user-gesture-required"]


def _open(browser: Browser, server: MediaServer, *, record: bool = False) -> Page:
    page = browser.new_context().new_page()
    if record:
        media_probe.install(page)
    page.add_init_script(STARTS)
    page.goto(server.url)
    page.wait_for_selector("html[data-rx-state=ready]")
    return page


def _run(page: Page, kind: str, config: dict[str, Any], timeout: float) -> None:
    page.locator(f"#{kind}_cfg input").fill(json.dumps(config))
    page.locator(f"#{kind}_go button").click()
    page.wait_for_selector(f"#{kind}_out[data-stream=done]", timeout=timeout * 1000)


@dataclass(frozen=True)
class Latency:
    samples_ms: list[float]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def worst_ms(self) -> float:
        return max(self.samples_ms)


def first_frame(browser: Browser, server: MediaServer, kind: str, runs: int = 3) -> Latency:
    """Yield → the first frame of a 640×480 stream can be shown (numpy frames, or an mp4 file)."""
    samples = []
    for _ in range(runs):
        page = _open(browser, server)
        page.evaluate(media_probe.VIDEO_SAMPLER, "#video_out video")
        config = {"w": 640, "h": 480, "seconds": 2, "pace": True, "kind": kind}
        _run(page, "video", config, 20)
        first = page.evaluate("window.__rx_video.first")
        samples.append(first - FIRST_YIELD.value * 1000)
        page.context.close()
    return Latency(samples)


@dataclass(frozen=True)
class Gaps:
    chunk_ms: float
    seconds: float
    played_s: float
    gap_ms: float
    gaps: int
    clicks: int
    dropouts: int
    underruns: int


def gaps(browser: Browser, server: MediaServer, chunk: float, seconds: float) -> Gaps:
    """A stream of ``chunk``-second numpy chunks yielded in real time, recorded as played."""
    page = _open(browser, server, record=True)
    _run(page, "audio", {"chunk": chunk, "seconds": seconds, "pace": True}, seconds + 20)
    [recording] = media_probe.recordings(page)
    result = media_probe.analyse(recording)
    starts = page.evaluate("window.__rx_starts.map((s) => s[0])")
    page.context.close()
    late = sum(1 for a, b in itertools.pairwise(starts) if b - a > chunk + 1e-3)
    return Gaps(
        chunk * 1000,
        seconds,
        result.played_s,
        result.gap_ms,
        len(result.gaps),
        len(result.clicks),
        result.dropouts,
        late,
    )


@dataclass(frozen=True)
class Stream:
    """One producer, ``runs`` fresh pages: first sound and what was recorded as played."""

    case: str
    chunk_ms: float
    seconds: float
    rendered_ms: list[float]  # first sound after the first yield, less the output latency
    output_latency_ms: float
    gaps: list[int]  # silent runs per run
    clicks: list[int]
    exact: list[bool]  # played exactly the stream's length (± 3 samples at the tone's ends)
    late: int  # chunks, all runs, that could not follow on (they came after their start time)
    dropouts: int  # audio-device underruns, all runs

    @property
    def clean(self) -> int:
        """Runs with no gap, no click and the exact length."""
        runs = zip(self.gaps, self.clicks, self.exact, strict=True)
        return sum(gaps == 0 and clicks == 0 and exact for gaps, clicks, exact in runs)

    @property
    def runs(self) -> int:
        return len(self.gaps)


def stream(
    browser: Browser, server: MediaServer, chunk: float, seconds: float, pace: bool, runs: int
) -> Stream:
    """``seconds`` of ``chunk``-second numpy chunks, yielded in real time (``pace``) or all at
    once (a burst, as a text-to-speech model faster than real time yields); a fresh page (and
    AudioContext) each run, recorded by the probe that leaves the context alone."""
    rendered, gaps_, clicks, exact, late, dropouts, output = [], [], [], [], 0, 0, 0.0
    expected = round(seconds * RATE)
    for _ in range(runs):
        page = _open(browser, server, record=True)
        _run(page, "audio", {"chunk": chunk, "seconds": seconds, "pace": pace}, seconds + 20)
        page.wait_for_function("window.__rx_zero !== null", polling=20)
        starts, (zero, latency) = page.evaluate("[window.__rx_starts, window.__rx_zero]")
        [recording] = media_probe.recordings(page)
        page.context.close()
        result = media_probe.analyse(recording)
        output = latency * 1000
        rendered.append(zero + starts[0][0] * 1000 - output - FIRST_YIELD.value * 1000)
        gaps_.append(len(result.gaps))
        clicks.append(len(result.clicks))
        exact.append(abs(result.frames - expected) <= 3)
        whens = [when for when, *_ in starts]
        late += sum(1 for a, b in itertools.pairwise(whens) if b - a > chunk + 1e-3)
        dropouts += result.dropouts
    case = "real time" if pace else "burst"
    return Stream(
        case, chunk * 1000, seconds, rendered, output, gaps_, clicks, exact, late, dropouts
    )

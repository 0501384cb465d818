"""Media figures measured in Chromium: first sound, first frame, gaps and clicks.

- First sound: the page's own AudioBufferSourceNode.start(when) calls are recorded, with the
  context's getOutputTimestamp() (which context time the audio device plays at which moment),
  so the wall-clock moment the first chunk is heard is known to the millisecond; less the
  server's first-yield time. "Rendered" leaves out the device's output latency.
- First frame: the <video>'s first `loadeddata` (its first frame can be drawn), less the
  first-yield time.
- Gaps and clicks: what the page plays is recorded (tests/browser/media_probe.py, as MEDIA.md
  does) and searched for silent runs and sample jumps.
"""

from __future__ import annotations

import itertools
import json
import statistics
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Browser, Page

from benchmarks.media_apps import FIRST_YIELD
from benchmarks.media_server import MediaServer
from tests.browser import media_probe

# Records every AudioBufferSourceNode.start(when): [when, wall ms at context time 0 by the
# context's output timestamp (null while it is not running yet), its output latency].
STARTS = """(() => {
  window.__rx_starts = [];
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (when, ...rest) {
    const ctx = this.context, t = ctx.getOutputTimestamp();
    const zero = t.performanceTime > 0
      ? performance.timeOrigin + t.performanceTime - t.contextTime * 1000 : null;
    window.__rx_starts.push([when, zero, ctx.outputLatency]);
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
    output_latency_ms: float = 0.0  # the audio device's, included in samples_ms

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def worst_ms(self) -> float:
        return max(self.samples_ms)


def first_sound(browser: Browser, server: MediaServer, runs: int = 5) -> Latency:
    """Yield → the first 100 ms chunk starts rendering; a fresh page (and AudioContext) each run."""
    samples, output = [], 0.0
    for _ in range(runs):
        page = _open(browser, server)
        _run(page, "audio", {"chunk": 0.1, "seconds": 0.5, "pace": True}, 10)
        starts = page.evaluate("window.__rx_starts")
        zero = next(z for _, z, _ in reversed(starts) if z is not None)
        output = starts[-1][2] * 1000
        samples.append(zero + starts[0][0] * 1000 - FIRST_YIELD.value * 1000)
        page.context.close()
    return Latency(samples, output)


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

"""Issue 8: streamed audio never gaps, however fast the generator yields.

A text-to-speech model yields faster than real time: every chunk of the stream may reach the
page before its AudioContext has even started. What the page plays is recorded
(tests/browser/media_probe.py: a MediaRecorder on a tap of the graph, which leaves the context
alone, so the start-up is measured as a page without a probe runs it) and must be the stream
exactly: one tone, no silent run, no click, exactly as long as the chunks. And it starts as soon
as a hand-written page starts it: one lead after the context's start.

Each repeat is a fresh page, so a fresh AudioContext that starts while the burst lands. The
18.7 ms "gap" once reported here was the old AudioWorklet recorder's artefact, not a gap in the
sound (docs/media-measuring.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

import reactive as rx
from tests.browser import media_probe as probe
from tests.browser.conftest import Serve, open_app
from tests.media import generate

RATE = 48000
LEAD_S, SAFETY_S = 0.05, 0.01  # client/src/media/schedule.ts

# Every AudioBufferSourceNode.start(when), with the context's currentTime at the call.
STARTS = """(() => {
  window.__rx_starts = [];
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (when, ...rest) {
    window.__rx_starts.push([when, this.context.currentTime]);
    return start.call(this, when, ...rest);
  };
})();"""


def burst_app(chunk: float, count: int) -> rx.App:
    """One click: a sync generator yields ``count`` chunks of one 440 Hz tone, no pause between."""
    app = rx.App(title="burst")
    chunks = [(RATE, generate.tone(RATE, chunk, start=i * chunk)) for i in range(count)]

    @app.fn(
        inputs=[],
        outputs=rx.Audio(streaming=True, autoplay=True, elem_id="out"),
        trigger=rx.Button("Speak", elem_id="go"),
    )
    def speak() -> Iterator[Any]:
        yield from chunks

    return app


@pytest.mark.parametrize("repeat", range(3))
@pytest.mark.parametrize(("chunk", "count"), [(0.1, 20), (1.0, 3)], ids=["20x100ms", "3x1s"])
def test_a_burst_of_chunks_plays_as_one_gapless_stream(
    page: Page, serve: Serve, chunk: float, count: int, repeat: int
) -> None:
    probe.install(page)
    page.add_init_script(STARTS)
    open_app(page, serve(burst_app(chunk, count)))
    page.locator("#go button").click()
    expect(page.locator("#out")).to_have_attribute("data-stream", "done", timeout=15_000)
    [recording] = probe.recordings(page)
    result = probe.analyse(recording)
    assert recording.rate == RATE
    assert result.gaps == [], result
    assert result.clicks == [], result
    # Exact length: the tone's first sample (sin 0) and the ones around it are below the
    # loudness threshold, so a few samples at either end read as quiet.
    assert abs(result.frames - round(chunk * count * RATE)) <= 3, result
    # The first chunk's lead counts from the context's start, not from its currentTime, which a
    # new context has already moved on by the device's first buffer (~21 ms) before it is heard.
    [(first, now), *_] = page.evaluate("window.__rx_starts")
    assert first <= max(LEAD_S, now + SAFETY_S) + 1e-9, (first, now)

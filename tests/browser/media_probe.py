"""What a page plays, measured: a WebAudio recorder installed before the app loads, and the
analysis of its recording (played length, silent gaps, clicks), as MEDIA.md measures it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from playwright.sync_api import Page

# Every AudioContext the page creates gets a pass-through AudioWorklet recorder in front of its
# destination. The context is held suspended until the recorder is in place, so nothing the
# page schedules plays unrecorded.
RECORDER = """(() => {
  const Base = window.AudioContext;
  const code = `class RxRec extends AudioWorkletProcessor {
    process(inputs, outputs) {
      const ch = inputs[0] && inputs[0][0];
      if (ch) this.port.postMessage({frame: currentFrame, data: ch.slice()});
      if (ch && outputs[0][0]) outputs[0][0].set(ch);
      return true;
    }
  }
  registerProcessor('rx-rec', RxRec);`;
  const url = URL.createObjectURL(new Blob([code], {type: 'application/javascript'}));
  window.__rx_rec = [];
  class Recorded extends Base {
    constructor(options) {
      super(options);
      const rec = {blocks: [], rate: this.sampleRate, created: performance.now(), map: []};
      window.__rx_rec.push(rec);
      super.suspend();
      this.__rx_bus = new GainNode(this);
      const real = super.destination;
      this.__rx_ready = this.audioWorklet.addModule(url).then(() => {
        const node = new AudioWorkletNode(this, 'rx-rec', {numberOfInputs: 1, numberOfOutputs: 1,
          outputChannelCount: [1], channelCount: 1, channelCountMode: 'explicit'});
        node.port.onmessage = (e) => {
          rec.blocks.push(e.data);
          const t = this.getOutputTimestamp();
          if (rec.map.length < 400 && t.performanceTime > 0)
            rec.map.push(performance.timeOrigin + t.performanceTime - t.contextTime * 1000);
        };
        this.__rx_bus.connect(node);
        node.connect(real);
      });
    }
    get destination() { return this.__rx_bus || super.destination; }
    async resume() { await this.__rx_ready; return super.resume(); }
  }
  window.AudioContext = Recorded;
})();"""

# The recordings so far: per context, its rate, the wall-clock (ms since the epoch) of its first
# recorded frame, and its samples (float32 bytes, base64) placed by frame number.
DUMP = """() => (window.__rx_rec || []).map((rec) => {
  if (rec.blocks.length === 0) return {rate: rec.rate, first: null, start_ms: null, b64: ''};
  const first = rec.blocks[0].frame;
  const last = rec.blocks[rec.blocks.length - 1];
  const out = new Float32Array(last.frame - first + last.data.length);
  const missing = [];  // frames the audio thread never rendered (it fell behind: a dropout)
  let next = first;
  for (const b of rec.blocks) {
    if (b.frame > next) missing.push([next - first, b.frame - first]);
    out.set(b.data, b.frame - first);
    next = b.frame + b.data.length;
  }
  const u8 = new Uint8Array(out.buffer);
  let bin = '';
  for (let k = 0; k < u8.length; k += 0x8000)
    bin += String.fromCharCode.apply(null, u8.subarray(k, k + 0x8000));
  const offsets = rec.map.slice().sort((a, b) => a - b);
  const zero = offsets.length ? offsets[offsets.length >> 1] : null;  // wall ms at context time 0
  const start = zero === null ? null : zero + first / rec.rate * 1000;
  return {rate: rec.rate, first, start_ms: start, b64: btoa(bin), missing};
})"""

LOUD = 0.02
CLICK = 0.08


@dataclass(frozen=True)
class Recording:
    rate: int
    samples: np.ndarray[Any, Any]
    start_ms: float | None  # wall-clock time of samples[0]
    missing: list[tuple[int, int]]  # sample ranges the audio thread skipped (machine overload)


@dataclass(frozen=True)
class Analysis:
    """Silent gaps and clicks inside the played sound, apart from the audio thread's dropouts.

    A dropout (render quanta Chromium never rendered because the machine was overloaded) is
    heard as a glitch too, but no scheduling can cause or prevent it: it is counted apart.
    """

    played_s: float
    onset_ms: float | None  # wall-clock time the sound began
    gaps: list[tuple[float, float]]  # (at seconds, length ms)
    clicks: list[float]  # at seconds
    dropouts: int = 0

    @property
    def gap_ms(self) -> float:
        return sum(length for _, length in self.gaps)


def install(page: Page) -> None:
    page.add_init_script(RECORDER)


def recordings(page: Page) -> list[Recording]:
    import base64

    found = []
    for item in page.evaluate(DUMP):
        raw = base64.b64decode(item["b64"]) if item["b64"] else b""
        samples = np.frombuffer(raw, np.float32)
        missing = [(int(a), int(b)) for a, b in item.get("missing", [])]
        found.append(Recording(item["rate"], samples, item["start_ms"], missing))
    return found


def analyse(rec: Recording, min_gap_ms: float = 0.5) -> Analysis:
    x = rec.samples
    loud = np.abs(x) > LOUD
    if not loud.any():
        return Analysis(0.0, None, [], [])
    on = int(np.argmax(loud))
    off = len(x) - int(np.argmax(loud[::-1]))
    seg = x[on:off]
    quiet = np.abs(seg) <= LOUD
    edges = np.diff(np.concatenate(([0], quiet.astype(np.int8), [0])))
    starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
    shortest = min_gap_ms / 1000 * rec.rate
    gaps = [
        (round(float(s) / rec.rate, 4), round(float(e - s) / rec.rate * 1000, 2))
        for s, e in zip(starts, ends, strict=True)
        if e - s >= shortest
    ]
    jumps = np.nonzero(np.abs(np.diff(seg)) > CLICK)[0]
    near = rec.rate // 50  # 20 ms around a dropout: the timeline there is disturbed too
    skipped = [(a - on - near, b - on + near) for a, b in rec.missing if b > on and a < off]
    gaps = [g for g in gaps if not _inside(round(g[0] * rec.rate), skipped)]
    jumps = np.array([j for j in jumps if not _inside(int(j), skipped)], dtype=int)
    onset = None if rec.start_ms is None else rec.start_ms + on / rec.rate * 1000
    clicks = [round(float(j) / rec.rate, 4) for j in jumps]
    return Analysis(round((off - on) / rec.rate, 4), onset, gaps, clicks, len(skipped))


def _inside(index: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= index < end for start, end in ranges)


# Samples the <video> of a component every 40 ms: (currentTime, [r, g, b] at a corner), and
# notes its events; `__rx_video.first` is the wall-clock time its first frame could be drawn.
VIDEO_SAMPLER = """(selector) => {
  const v = document.querySelector(selector);
  const probe = window.__rx_video = {samples: [], events: [], first: null, playing: null};
  const c = document.createElement('canvas');
  c.width = 8; c.height = 8;
  const g = c.getContext('2d', {willReadFrequently: true});
  const now = () => performance.timeOrigin + performance.now();
  for (const ev of ['loadeddata', 'playing', 'waiting', 'ended', 'error'])
    v.addEventListener(ev, () => {
      probe.events.push([ev, +v.currentTime.toFixed(3)]);
      if (ev === 'loadeddata' && probe.first === null) probe.first = now();
      if (ev === 'playing' && probe.playing === null) probe.playing = now();
    });
  setInterval(() => {
    if (v.readyState < 2 || !v.videoWidth) return;
    g.drawImage(v, 0, 0, v.videoWidth / 8, v.videoHeight / 8, 0, 0, 8, 8);
    const p = g.getImageData(0, 0, 1, 1).data;
    probe.samples.push([+v.currentTime.toFixed(3), [p[0], p[1], p[2]]]);
  }, 40);
}"""

VIDEO_STATE = """(selector) => {
  const v = document.querySelector(selector);
  const ranges = [];
  for (let i = 0; i < v.buffered.length; i++) ranges.push([v.buffered.start(i), v.buffered.end(i)]);
  const q = v.getVideoPlaybackQuality ? v.getVideoPlaybackQuality() : null;
  return {ranges, ended: v.ended, time: v.currentTime, ...window.__rx_video,
          decoded: q && q.totalVideoFrames, dropped: q && q.droppedVideoFrames};
}"""


def nearest_colour(rgb: list[int], palette: list[tuple[int, int, int]]) -> int:
    distances = [sum((a - b) ** 2 for a, b in zip(rgb, colour, strict=True)) for colour in palette]
    return int(np.argmin(distances))


def colour_order(samples: list[list[Any]], palette: list[tuple[int, int, int]]) -> list[int]:
    """The palette indices the samples showed, repeats collapsed, in order of playback."""
    order: list[int] = []
    for _, rgb in samples:
        index = nearest_colour(rgb, palette)
        if not order or order[-1] != index:
            order.append(index)
    return order

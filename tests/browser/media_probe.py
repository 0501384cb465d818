"""What a page plays, measured: a recorder installed before the app loads, and the analysis of
its recording (played length, silent gaps, clicks), as MEDIA.md measures it.

The recorder must leave the page's AudioContext alone (docs/media-measuring.md): every context
the page creates also feeds a MediaStreamAudioDestinationNode, whose track a MediaRecorder
records as raw PCM (`audio/webm;codecs=pcm`) from the moment the context exists. That is every
render quantum the graph produced, in order, with no numbering of its own. An AudioWorklet
recorder does not qualify: joining a running context moves its rendering to the worklet thread
(its `currentFrame` then jumps, and the quanta before the switch go unrecorded), and holding
the context suspended until the worklet is ready lets the audio device start before anything is
scheduled, which hides what happens at start-up. What the audio device itself missed (the
machine too busy to render in time) is the context's own `playbackStats.underrunEvents`.
"""

from __future__ import annotations

import base64
import struct
from dataclasses import dataclass
from typing import Any

import numpy as np
from playwright.sync_api import Page

from reactive.errors import OutputError
from reactive.media import ffmpeg

RECORDER = """(() => {
  const Base = window.AudioContext;
  window.__rx_rec = [];
  class Recorded extends Base {
    constructor(options) {
      super(options);
      this.__rx_bus = new GainNode(this);
      this.__rx_bus.connect(super.destination);
      const tap = new MediaStreamAudioDestinationNode(this, {channelCount: 1});
      this.__rx_bus.connect(tap);
      const recorder = new MediaRecorder(tap.stream, {mimeType: 'audio/webm;codecs=pcm'});
      const rec = {ctx: this, recorder, parts: [], rate: this.sampleRate};
      recorder.ondataavailable = (e) => rec.parts.push(e.data);
      recorder.start();
      window.__rx_rec.push(rec);
    }
    get destination() { return this.__rx_bus || super.destination; }
  }
  window.AudioContext = Recorded;
})();"""

# Stops every recorder and hands over its file (base64) and its context's device underruns.
DUMP = """async () => Promise.all((window.__rx_rec || []).map(async (rec) => {
  if (rec.recorder.state !== 'inactive') {
    const stopped = new Promise((done) => { rec.recorder.onstop = done; });
    rec.recorder.stop();
    await stopped;
  }
  const stats = rec.ctx.playbackStats;
  const bytes = new Uint8Array(await new Blob(rec.parts).arrayBuffer());
  let bin = '';
  for (let k = 0; k < bytes.length; k += 0x8000)
    bin += String.fromCharCode.apply(null, bytes.subarray(k, k + 0x8000));
  return {rate: rec.rate, b64: btoa(bin), underruns: stats ? stats.underrunEvents : 0};
}))"""

LOUD = 0.02
CLICK = 0.08


@dataclass(frozen=True)
class Recording:
    rate: int
    samples: np.ndarray[Any, Any]
    underruns: int = 0  # times the audio device found nothing rendered (machine overload)


@dataclass(frozen=True)
class Analysis:
    """Silent gaps and clicks inside the played sound; the device's underruns counted apart.

    An underrun (the audio thread rendered too late for the device) is heard as a glitch too,
    but no scheduling can cause or prevent it, and the recording (what the graph rendered) does
    not show it.
    """

    played_s: float
    gaps: list[tuple[float, float]]  # (at seconds, length ms)
    clicks: list[float]  # at seconds
    dropouts: int = 0
    frames: int = 0  # played length in samples, first loud sample to last

    @property
    def gap_ms(self) -> float:
        return sum(length for _, length in self.gaps)


def install(page: Page) -> None:
    page.add_init_script(RECORDER)


def recordings(page: Page) -> list[Recording]:
    """Every context's recording so far (this stops the recorders: call it once, at the end)."""
    found = []
    for item in page.evaluate(DUMP):
        webm = base64.b64decode(item["b64"]) if item["b64"] else b""
        rate, samples = (
            _decode(webm, item["rate"]) if webm else (item["rate"], np.zeros(0, np.float32))
        )
        found.append(Recording(rate, samples, int(item["underruns"])))
    return found


def _decode(webm: bytes, rate: int) -> tuple[int, np.ndarray[Any, Any]]:
    """The recorder's PCM as float32 mono, at the rate it was recorded (read from the WAV)."""
    args = ["-i", "pipe:0", "-ac", "1", "-c:a", "pcm_f32le", "-f", "wav", "pipe:1"]
    try:
        wav = ffmpeg.run_sync(args, what="a recording", stdin=webm)
    except OutputError as error:
        if "End of file" not in str(error):
            raise
        return rate, np.zeros(0, np.float32)  # a header and no sound: nothing was rendered
    at = 12
    while at + 8 <= len(wav):
        kind, size = wav[at : at + 4], struct.unpack_from("<I", wav, at + 4)[0]
        if kind == b"fmt ":
            rate = struct.unpack_from("<I", wav, at + 12)[0]
        if kind == b"data":
            data = wav[at + 8 :]
            return rate, np.frombuffer(data[: len(data) // 4 * 4], "<f4").copy()
        at += 8 + size + (size & 1)
    raise ValueError("no data in the decoded recording")


def analyse(rec: Recording, min_gap_ms: float = 0.5) -> Analysis:
    x = rec.samples
    loud = np.abs(x) > LOUD
    if not loud.any():
        return Analysis(0.0, [], [], rec.underruns)
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
    clicks = [round(float(j) / rec.rate, 4) for j in jumps]
    return Analysis(round((off - on) / rec.rate, 4), gaps, clicks, rec.underruns, off - on)


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

// Streaming media in the client, DOM-free: PCM payloads and WAV files, the gapless scheduling
// rule, fMP4 chunk values, media events in batches, and chunked uploads with flow control.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { clock, concat, toFmp4, toMediaFile } from "../src/media/mediaValue";
import { channelData, frameCount, toPcm, wavFile } from "../src/media/pcm";
import { FIRST_LEAD_SECONDS, MAX_LEAD_SECONDS, PlaybackClock, SAFETY_SECONDS } from "../src/media/schedule";
import { IN_FLIGHT, PART_BYTES, Uploader } from "../src/media/uploader";
import { encodeMessage } from "../src/protocol/codec";
import { isBatchEvent } from "../src/protocol/guards";
import * as m from "../src/protocol/messages";
import type { RunState, Value } from "../src/protocol/messages";
import { BatchApplier } from "../src/render/applier";
import { RunTracker } from "../src/render/runs";
import type { OutputTarget } from "../src/render/target";

const GOLDEN = process.env["RX_GOLDEN_DIR"] ?? join(process.cwd(), "../tests/golden");

function int16(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setInt16(i * 2, v, true));
  return out;
}

test("a PCM payload is checked and read as floats per channel", () => {
  const chunk = toPcm({ k: "pcm", sr: 24000, ch: 2, data: int16(16384, -32768, 0, 32767) });
  assert.ok(chunk !== null);
  assert.equal(frameCount(chunk), 2);
  const [left, right] = channelData(chunk);
  assert.deepEqual(Array.from(left ?? []), [0.5, 0]);
  assert.deepEqual(Array.from(right ?? []), [-1, 32767 / 32768]);
  assert.equal(toPcm({ k: "pcm", sr: 24000, ch: 0, data: int16(1) }), null);
  assert.equal(toPcm({ k: "fmp4", sr: 24000, ch: 1, data: int16(1) }), null);
  assert.equal(toPcm("nope"), null);
});

test("PCM at an odd offset in the frame is still read right", () => {
  const frame = new Uint8Array([0, ...int16(1000, -1000)]);
  const chunk = toPcm({ k: "pcm", sr: 8000, ch: 1, data: frame.subarray(1) });
  assert.ok(chunk !== null);
  assert.deepEqual(Array.from(channelData(chunk)[0] ?? []), [1000 / 32768, -1000 / 32768]);
});

test("the WAV of a stream holds every chunk, with a correct header", () => {
  const a = { rate: 16000, channels: 1, data: int16(1, 2, 3) };
  const b = { rate: 16000, channels: 1, data: int16(4) };
  const wav = wavFile([a, b]);
  const view = new DataView(wav.buffer);
  assert.equal(String.fromCharCode(...wav.subarray(0, 4)), "RIFF");
  assert.equal(view.getUint32(24, true), 16000);
  assert.equal(view.getUint32(40, true), 8);
  assert.deepEqual(Array.from(wav.subarray(44)), Array.from(int16(1, 2, 3, 4)));
});

test("buffers are placed back to back; a late one starts after the lead, which then doubles", () => {
  const clock = new PlaybackClock();
  assert.equal(clock.place(0, 0.1), FIRST_LEAD_SECONDS);
  assert.equal(clock.place(0.02, 0.1), FIRST_LEAD_SECONDS + 0.1);
  assert.equal(clock.place(0.1, 0.02), FIRST_LEAD_SECONDS + 0.2);
  assert.equal(clock.underruns, 0);
  const late = clock.place(1.0, 0.1); // everything before has played: a gap is unavoidable
  assert.equal(clock.underruns, 1);
  assert.equal(clock.lead, 2 * FIRST_LEAD_SECONDS);
  assert.ok(Math.abs(late - (1.0 + 2 * FIRST_LEAD_SECONDS)) < 1e-9);
  for (let i = 0; i < 10; i++) clock.place(100 + i * 10, 0.1);
  assert.equal(clock.lead, MAX_LEAD_SECONDS);
  assert.equal(clock.startedAt, FIRST_LEAD_SECONDS);
});

test("a new context's first buffer: the lead counts from the context's start", () => {
  // The device rendered its first ~21 ms ahead before the first chunk was placed.
  const clock = new PlaybackClock();
  assert.equal(clock.place(0.0213, 0.1, 0), FIRST_LEAD_SECONDS);
  // A burst: every later chunk of it follows sample exactly, while the timeline settles.
  const near = (a: number | null, b: number): boolean => a !== null && Math.abs(a - b) < 1e-9;
  for (let i = 1; i < 20; i++) assert.ok(near(clock.place(0.0213 + i * 0.001, 0.1), FIRST_LEAD_SECONDS + i * 0.1));
  assert.equal(clock.underruns, 0);
  assert.ok(near(clock.endsAt, FIRST_LEAD_SECONDS + 2.0));
  // Placing took long: never closer to now than the safety margin.
  const slow = new PlaybackClock();
  assert.equal(slow.place(0.045, 1.0, 0), 0.045 + SAFETY_SECONDS);
  // Without `since`, or with it later than now, the lead counts from now.
  assert.equal(new PlaybackClock().place(0.3, 0.1), 0.3 + FIRST_LEAD_SECONDS);
  assert.equal(new PlaybackClock().place(0.3, 0.1, 0.5), 0.3 + FIRST_LEAD_SECONDS);
});

test("a chunk due too soon to be scheduled safely counts as late", () => {
  const clock = new PlaybackClock();
  clock.place(0, 0.1);
  clock.place(0.146, 0.1); // due at 0.15: 4 ms ahead is less than the safety margin
  assert.equal(clock.underruns, 1);
});

test("fMP4 chunks say whether they start a file", () => {
  const init = new Uint8Array([0, 0, 0, 8, ...Array.from("ftyp", (c) => c.charCodeAt(0))]);
  const chunk = toFmp4({ k: "fmp4", mime: 'video/mp4; codecs="avc1.42C01E"', data: init });
  assert.equal(chunk?.init, true);
  assert.equal(toFmp4({ k: "fmp4", mime: "video/mp4", data: new Uint8Array(12) })?.init, false);
  assert.equal(toFmp4({ k: "pcm" }), null);
  assert.deepEqual(Array.from(concat([new Uint8Array([1]), new Uint8Array([2, 3])])), [1, 2, 3]);
  assert.equal(clock(65.9), "1:05");
  assert.deepEqual(toMediaFile({ mime: "audio/wav", name: "" }, "audio"), { mime: "audio/wav", data: null, name: "audio" });
});

test("media events pass the guards; malformed ones do not", () => {
  assert.ok(isBatchEvent({ t: "chunk", c: "out", r: 1, v: { k: "pcm" } }));
  assert.ok(isBatchEvent({ t: "end", c: "out", r: 1 }));
  assert.ok(isBatchEvent({ t: "received", c: "clip", u: 3, n: 10 }));
  assert.ok(!isBatchEvent({ t: "chunk", c: "out", r: 1 }));
  assert.ok(!isBatchEvent({ t: "end", r: 1 }));
  assert.ok(!isBatchEvent({ t: "received", c: "clip", n: 10 }));
});

class StreamView implements OutputTarget {
  log: string[] = [];
  update(v: Value): void {
    this.log.push(`update ${String(v)}`);
  }
  append(): boolean {
    return false;
  }
  status(s: RunState, _pos?: number, _msg?: string, r?: number): void {
    this.log.push(`status ${s} ${r}`);
  }
  commit(): void {}
  chunk(v: Value, r: number): void {
    this.log.push(`chunk ${String(v)} ${r}`);
  }
  end(r: number): void {
    this.log.push(`end ${r}`);
  }
  received(u: number, n: number): void {
    this.log.push(`received ${u} ${n}`);
  }
}

test("chunks reach their view in order; a superseded run's are dropped", () => {
  const view = new StreamView();
  const runs = new RunTracker();
  runs.setFunctions([{ id: "f", inputs: [], outputs: ["out"] }]);
  const applier = new BatchApplier(runs, () => view);
  applier.apply([
    {
      t: "batch",
      n: 1,
      e: [
        { t: "status", f: "f", r: 1, s: "running" },
        { t: "chunk", c: "out", r: 1, f: "f", v: "a" },
        { t: "chunk", c: "out", r: 1, f: "f", v: "b" },
        { t: "status", f: "f", r: 2, s: "running" },
        { t: "chunk", c: "out", r: 1, f: "f", v: "late" },
        { t: "end", c: "out", r: 1, f: "f" },
        { t: "chunk", c: "out", r: 2, f: "f", v: "c" },
        { t: "end", c: "out", r: 2, f: "f" },
        { t: "received", c: "out", u: 5, n: 100 },
      ],
    },
  ]);
  assert.deepEqual(view.log, [
    "status running 1",
    "chunk a 1",
    "chunk b 1",
    "status running 2",
    "chunk c 2",
    "end 2",
    "received 5 100",
  ]);
});

test("upload constructors match the golden frames byte for byte", () => {
  const golden = (name: string): Buffer => readFileSync(join(GOLDEN, `${name}.msgpack`));
  const first = m.upload("clip", 7, 0, new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x24, 0]), false, {
    name: "a.wav",
    mime: "audio/wav",
    size: 44,
  });
  assert.deepStrictEqual(Buffer.from(encodeMessage(first)), golden("upload_first"));
  const next = m.upload("clip", 7, 1, new TextEncoder().encode("data"), true);
  assert.deepStrictEqual(Buffer.from(encodeMessage(next)), golden("upload_next"));
});

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

test("an upload keeps a few parts in flight and finishes when the server has it all", async () => {
  const sent: m.Upload[] = [];
  const progress: number[] = [];
  let done = 0;
  const uploader = new Uploader("clip", (part) => sent.push(part) > 0, {
    progress: (f) => progress.push(f),
    done: () => (done += 1),
    failed: () => assert.fail("no failure expected"),
  });
  const size = PART_BYTES * (IN_FLIGHT + 2) + 10;
  uploader.start(new File([new Uint8Array(size)], "big.wav", { type: "audio/wav" }));
  await settle();
  assert.equal(sent.length, IN_FLIGHT);
  assert.deepEqual([sent[0]?.name, sent[0]?.mime, sent[0]?.size, sent[0]?.i], ["big.wav", "audio/wav", size, 0]);
  assert.equal(sent[1]?.name, undefined);
  uploader.received(sent[0]?.u ?? -1, PART_BYTES * 2);
  await settle();
  assert.equal(sent.length, IN_FLIGHT + 2);
  uploader.received(sent[0]?.u ?? -1, PART_BYTES * 3);
  await settle();
  assert.equal(sent.length, IN_FLIGHT + 3);
  assert.equal(sent.at(-1)?.last, true);
  assert.equal(sent.reduce((n, p) => n + p.d.length, 0), size);
  uploader.received(12345, size); // another upload's acknowledgement: ignored
  assert.equal(done, 0);
  uploader.received(sent[0]?.u ?? -1, size);
  assert.equal(done, 1);
  assert.equal(progress.at(-1), 1);
});

test("an upload started over abandons the first; a down socket fails it", async () => {
  const sent: m.Upload[] = [];
  let failed = "";
  let up = true;
  const uploader = new Uploader("clip", (part) => up && sent.push(part) > 0, {
    progress: () => {},
    done: () => {},
    failed: (msg) => (failed = msg),
  });
  uploader.start(new File([new Uint8Array(10)], "a.wav"));
  uploader.start(new File([new Uint8Array(20)], "b.wav"));
  await settle();
  assert.deepEqual(
    sent.map((p) => p.name),
    ["b.wav"],
  );
  up = false;
  uploader.start(new File([new Uint8Array(5)], "c.wav"));
  await settle();
  assert.match(failed, /connection is down/);
  assert.equal(uploader.active, false);
});

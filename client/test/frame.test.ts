// The frame scheduler: one apply per rendered frame (at once when nothing waits), later batches
// together a frame after (or on the 50 ms fallback), one ack each time, never applied twice.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { Batch } from "../src/protocol/messages";
import { FALLBACK_MS, FrameScheduler, type FrameClock } from "../src/render/frame";

class FakeClock implements FrameClock {
  frames = new Map<number, () => void>();
  timers = new Map<number, { cb: () => void; ms: number }>();
  private next = 1;
  requestFrame(cb: () => void): number {
    this.frames.set(this.next, cb);
    return this.next++;
  }
  cancelFrame(handle: unknown): void {
    this.frames.delete(handle as number);
  }
  setTimer(cb: () => void, ms: number): number {
    this.timers.set(this.next, { cb, ms });
    return this.next++;
  }
  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  fireFrame(): void {
    const frames = [...this.frames.values()];
    this.frames.clear();
    for (const cb of frames) cb();
  }
  fireTimers(): void {
    const timers = [...this.timers.values()];
    this.timers.clear();
    for (const t of timers) t.cb();
  }
}

const batch = (n: number): Batch => ({ t: "batch", n, e: [] });

function setup(): { clock: FakeClock; frames: FrameScheduler; applied: number[][]; acks: number[] } {
  const clock = new FakeClock();
  const applied: number[][] = [];
  const acks: number[] = [];
  const frames = new FrameScheduler(clock, (bs) => applied.push(bs.map((b) => b.n)), (n) => acks.push(n));
  return { clock, frames, applied, acks };
}

test("a batch applies at once when nothing waits", () => {
  const { frames, applied, acks } = setup();
  frames.push(batch(1));
  assert.deepEqual(applied, [[1]]);
  assert.deepEqual(acks, [1]);
});

test("batches after it wait: the next frame renders the first alone, the one after the rest", () => {
  const { clock, frames, applied, acks } = setup();
  frames.push(batch(1));
  frames.push(batch(2));
  frames.push(batch(3));
  assert.deepEqual(applied, [[1]]);
  assert.equal(clock.frames.size, 1, "one frame requested for many batches");
  clock.fireFrame(); // renders batch 1 only
  assert.deepEqual(applied, [[1]]);
  clock.fireFrame(); // applies 2 and 3 in its callback: rendered by this frame
  assert.deepEqual(applied, [[1], [2, 3]]);
  assert.deepEqual(acks, [1, 3]);
  assert.equal(clock.frames.size + clock.timers.size, 0, "idle: no frame requested");
});

test("a batch between frames after a frame-time apply applies at once", () => {
  const { clock, frames, applied } = setup();
  frames.push(batch(1));
  frames.push(batch(2));
  clock.fireFrame();
  clock.fireFrame(); // applies 2
  frames.push(batch(3)); // nothing waits, nothing owed: at once
  assert.deepEqual(applied, [[1], [2], [3]]);
});

test("after the owed frame, the next batch applies at once again", () => {
  const { clock, frames, applied } = setup();
  frames.push(batch(1));
  clock.fireFrame();
  assert.equal(clock.frames.size + clock.timers.size, 0, "idle");
  frames.push(batch(2));
  assert.deepEqual(applied, [[1], [2]]);
});

test("the 50 ms timer stands in for frames that do not come (hidden tab)", () => {
  const { clock, frames, applied, acks } = setup();
  frames.push(batch(4));
  frames.push(batch(5));
  assert.equal([...clock.timers.values()][0]?.ms, FALLBACK_MS);
  clock.fireTimers(); // the owed turn passes
  clock.fireTimers(); // the waiting batch is applied
  assert.deepEqual(applied, [[4], [5]]);
  assert.deepEqual(acks, [4, 5]);
  clock.fireTimers();
  clock.fireFrame();
  assert.deepEqual(applied, [[4], [5]], "never applied twice");
});

test("nothing pending: no apply, no ack", () => {
  const { frames, applied, acks } = setup();
  frames.run();
  assert.deepEqual(applied, []);
  assert.deepEqual(acks, []);
});

test("clear drops pending batches and their frame", () => {
  const { clock, frames, applied, acks } = setup();
  frames.push(batch(1));
  frames.push(batch(2));
  frames.clear();
  assert.equal(frames.pendingCount, 0);
  assert.equal(clock.frames.size + clock.timers.size, 0);
  clock.fireFrame();
  frames.push(batch(3));
  assert.deepEqual(applied, [[1], [3]]);
  assert.deepEqual(acks, [1, 3]);
});

test("an apply that throws is still acknowledged (the server must not stall)", (t) => {
  const clock = new FakeClock();
  const acks: number[] = [];
  t.mock.method(console, "error", () => {});
  const frames = new FrameScheduler(clock, () => { throw new Error("boom"); }, (n) => acks.push(n));
  frames.push(batch(7));
  assert.deepEqual(acks, [7]);
});

// The frame scheduler: batches collected, applied together on the next frame (or the 50 ms
// fallback), one ack with the highest n, never applied twice.

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

test("batches wait for the frame, then are applied together with one ack", () => {
  const { clock, frames, applied, acks } = setup();
  frames.push(batch(1));
  frames.push(batch(2));
  frames.push(batch(3));
  assert.deepEqual(applied, []);
  assert.equal(clock.frames.size, 1, "one frame requested for many batches");
  clock.fireFrame();
  assert.deepEqual(applied, [[1, 2, 3]]);
  assert.deepEqual(acks, [3]);
  assert.equal(clock.timers.size, 0, "the fallback timer is cancelled");
});

test("the 50 ms timer applies them when no frame comes (hidden tab)", () => {
  const { clock, frames, applied, acks } = setup();
  frames.push(batch(4));
  assert.equal([...clock.timers.values()][0]?.ms, FALLBACK_MS);
  clock.fireTimers();
  assert.deepEqual(applied, [[4]]);
  assert.deepEqual(acks, [4]);
  assert.equal(clock.frames.size, 0, "the frame request is cancelled");
  clock.fireFrame();
  assert.deepEqual(applied, [[4]], "never applied twice");
});

test("a batch after a frame schedules the next frame", () => {
  const { clock, frames, applied, acks } = setup();
  frames.push(batch(1));
  clock.fireFrame();
  frames.push(batch(2));
  clock.fireFrame();
  assert.deepEqual(applied, [[1], [2]]);
  assert.deepEqual(acks, [1, 2]);
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
  frames.clear();
  assert.equal(frames.pendingCount, 0);
  assert.equal(clock.frames.size + clock.timers.size, 0);
  frames.push(batch(2));
  clock.fireFrame();
  assert.deepEqual(applied, [[2]]);
  assert.deepEqual(acks, [2]);
});

test("an apply that throws is still acknowledged (the server must not stall)", (t) => {
  const clock = new FakeClock();
  const acks: number[] = [];
  t.mock.method(console, "error", () => {});
  const frames = new FrameScheduler(clock, () => { throw new Error("boom"); }, (n) => acks.push(n));
  frames.push(batch(7));
  clock.fireFrame();
  assert.deepEqual(acks, [7]);
});

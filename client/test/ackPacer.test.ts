// The ack pacer: one ack for many applied batches, sent after ACK_DELAY_MS or once ACK_BYTES have
// arrived since the last one; nothing after a reset.

import assert from "node:assert/strict";
import { test } from "node:test";
import { ACK_BYTES, ACK_DELAY_MS, AckPacer, type AckClock } from "../src/render/ackPacer";

class FakeTimers implements AckClock {
  timers = new Map<number, { cb: () => void; ms: number }>();
  private next = 1;
  setTimer(cb: () => void, ms: number): number {
    this.timers.set(this.next, { cb, ms });
    return this.next++;
  }
  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  fire(): void {
    const timers = [...this.timers.values()];
    this.timers.clear();
    for (const t of timers) t.cb();
  }
}

function setup(): { clock: FakeTimers; pacer: AckPacer; acks: number[] } {
  const clock = new FakeTimers();
  const acks: number[] = [];
  return { clock, pacer: new AckPacer(clock, (n) => acks.push(n)), acks };
}

test("small batches are acknowledged together, once, after the delay", () => {
  const { clock, pacer, acks } = setup();
  for (const n of [1, 2, 3]) {
    pacer.received(100);
    pacer.applied(n);
  }
  assert.deepEqual(acks, []);
  assert.equal(clock.timers.size, 1, "one timer for the three batches");
  assert.deepEqual([...clock.timers.values()].map((t) => t.ms), [ACK_DELAY_MS]);
  clock.fire();
  assert.deepEqual(acks, [3]);
  clock.fire();
  assert.deepEqual(acks, [3], "nothing is acknowledged twice");
});

test("an ack leaves at once when the bytes since the last one reach the threshold", () => {
  const { clock, pacer, acks } = setup();
  pacer.received(ACK_BYTES - 1);
  pacer.applied(1);
  assert.deepEqual(acks, []);
  pacer.received(1);
  pacer.applied(2);
  assert.deepEqual(acks, [2]);
  assert.equal(clock.timers.size, 0, "the timer is disarmed by the ack");
  pacer.received(10);
  pacer.applied(3);
  clock.fire();
  assert.deepEqual(acks, [2, 3], "the count starts again after an ack");
});

test("the highest batch applied is acknowledged, whatever the order of reports", () => {
  const { clock, pacer, acks } = setup();
  pacer.applied(5);
  pacer.applied(4);
  clock.fire();
  assert.deepEqual(acks, [5]);
});

test("a reset (a new connection) drops the pending ack and its timer", () => {
  const { clock, pacer, acks } = setup();
  pacer.received(10);
  pacer.applied(7);
  pacer.reset();
  assert.equal(clock.timers.size, 0);
  pacer.flush();
  assert.deepEqual(acks, []);
  pacer.applied(1);
  clock.fire();
  assert.deepEqual(acks, [1], "numbering starts afresh");
});

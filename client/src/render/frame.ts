// Collects incoming batches and applies all pending ones on the next animation frame (with a
// 50 ms timer as fallback when rAF does not fire, e.g. in a hidden tab), then sends ONE ack
// with the highest batch number applied. Pure: the clock is injected.

import type { Batch } from "../protocol/messages";

export interface FrameClock {
  requestFrame(cb: () => void): unknown;
  cancelFrame(handle: unknown): void;
  setTimer(cb: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const FALLBACK_MS = 50;

export class FrameScheduler {
  private pending: Batch[] = [];
  private frame: unknown = undefined;
  private timer: unknown = undefined;
  private scheduled = false;

  constructor(
    private readonly clock: FrameClock,
    private readonly apply: (batches: readonly Batch[]) => void,
    private readonly ack: (n: number) => void,
  ) {}

  get pendingCount(): number {
    return this.pending.length;
  }

  push(batch: Batch): void {
    this.pending.push(batch);
    if (this.scheduled) return;
    this.scheduled = true;
    this.frame = this.clock.requestFrame(() => this.run());
    this.timer = this.clock.setTimer(() => this.run(), FALLBACK_MS);
  }

  /** Applies everything pending now (the frame callback; also usable to flush in tests). */
  run(): void {
    this.cancel();
    const batches = this.pending;
    if (batches.length === 0) return;
    this.pending = [];
    try {
      this.apply(batches);
    } catch (err) {
      // Still acknowledge: the server must not stall on a client bug.
      console.error("reactive: applying a batch failed:", err);
    }
    let n = -Infinity;
    for (const b of batches) n = Math.max(n, b.n);
    this.ack(n);
  }

  /** Drops what is pending (the connection it came from is gone). */
  clear(): void {
    this.cancel();
    this.pending = [];
  }

  private cancel(): void {
    if (!this.scheduled) return;
    this.scheduled = false;
    this.clock.cancelFrame(this.frame);
    this.clock.clearTimer(this.timer);
  }
}

/** The browser's clock. */
export const browserClock: FrameClock = {
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (handle) => cancelAnimationFrame(handle as number),
  setTimer: (cb, ms) => setTimeout(cb, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

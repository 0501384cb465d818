// Applies incoming batches so that each rendered frame shows at most one apply, then reports ONE
// ack with the highest batch number applied (the ack pacer, ackPacer.ts, decides when it leaves).
// A batch that arrives while nothing waits is applied at once, so the coming frame paints it with
// no extra wait (a keystroke's reply, a stream's first token); batches arriving after it wait, and
// are applied together in the callback of the frame after, so a fast stream costs one DOM pass and
// one layout per frame. A 50 ms timer stands in for frames that do not come (a hidden tab). Pure:
// the clock is injected.

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
  /** A frame (or the fallback timer) is requested. */
  private scheduled = false;
  /** Something was applied between frames: the coming frame renders it and nothing more. */
  private owed = false;

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
    if (this.pending.length === 1 && !this.owed) {
      this.run();
      this.owed = true;
    }
    if (this.pending.length > 0 || this.owed) this.schedule();
  }

  /** Applies everything pending now (also usable to flush in tests). */
  run(): void {
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
    this.owed = false;
  }

  /** A frame begins (or the fallback timer fired). */
  private onFrame(): void {
    this.cancel();
    if (this.owed) {
      // This frame renders what was applied between frames; what waits goes to the next one.
      this.owed = false;
      if (this.pending.length > 0) this.schedule();
      return;
    }
    this.run(); // rendered by this very frame
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.frame = this.clock.requestFrame(() => this.onFrame());
    this.timer = this.clock.setTimer(() => this.onFrame(), FALLBACK_MS);
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

// What a batch event needs from a component view; views implement it, tests fake it.

import type { Props, RunState, Value } from "../protocol/messages";

/** A run's progress as the page shows it (a bar with an ETA on the outputs). */
export interface ProgressInfo {
  readonly fraction: number | null;
  readonly msg: string;
  readonly index: number | null;
  readonly total: number | null;
  readonly unit: string;
  readonly eta: number | null;
}

export interface OutputTarget {
  /** Replace the value. */
  update(v: Value): void;
  /** Append `d` if the current text has `at` UTF-16 units; false (nothing done) otherwise. */
  append(d: string, at: number): boolean;
  /** Show a run's state. */
  status(s: RunState, pos?: number, msg?: string, r?: number): void;
  /** Called once after a frame's events touched this view (expensive redraws go here). */
  commit(): void;
  /** New properties (rx.update); optional for test fakes. */
  setProps?(p: Props): void;
  /** A run's progress; optional for test fakes. */
  progress?(p: ProgressInfo): void;
  /** The next piece of run `r`'s stream (audio, video), in order; only streaming views have it. */
  chunk?(v: Value, r: number): void;
  /** Run `r`'s stream sent its last chunk. */
  end?(r: number): void;
  /** The server has stored `n` bytes of this view's upload `u`. */
  received?(u: number, n: number): void;
}

// What a batch event needs from a component view; views implement it, tests fake it.

import type { RunState, Value } from "../protocol/messages";

export interface OutputTarget {
  /** Replace the value. */
  update(v: Value): void;
  /** Append `d` if the current text has `at` UTF-16 units; false (nothing done) otherwise. */
  append(d: string, at: number): boolean;
  /** Show a run's state. */
  status(s: RunState, pos?: number, msg?: string): void;
  /** Called once after a frame's events touched this view (expensive redraws go here). */
  commit(): void;
}

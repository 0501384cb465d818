// Run-id staleness bookkeeping (docs/protocol.md, "A stale result never reaches the screen"):
// per component the highest run applied, per function the highest run whose status was seen
// (copied to the function's outputs). Lower run ids are stale and dropped. Pure.

import type { FnSpec } from "../protocol/messages";

export class RunTracker {
  private readonly componentRun = new Map<string, number>();
  private readonly fnRun = new Map<string, number>();
  private readonly outputs = new Map<string, readonly string[]>();

  /** Learns the functions of a (new) app; keeps the runs seen so far unless `clear` is called. */
  setFunctions(fns: readonly FnSpec[]): void {
    this.outputs.clear();
    for (const fn of fns) this.outputs.set(fn.id, fn.outputs);
  }

  /** Forgets every run (a new session: its run ids start again). */
  clear(): void {
    this.componentRun.clear();
    this.fnRun.clear();
  }

  outputsOf(f: string): readonly string[] {
    return this.outputs.get(f) ?? [];
  }

  /** An update or append of run `r` to component `c`: true to apply it. */
  acceptValue(c: string, r: number): boolean {
    if (r < (this.componentRun.get(c) ?? -Infinity)) return false;
    this.componentRun.set(c, r);
    return true;
  }

  /** A status of run `r` of function `f`: true to apply it; raises its outputs' run to `r`. */
  acceptStatus(f: string, r: number): boolean {
    if (r < (this.fnRun.get(f) ?? -Infinity)) return false;
    this.fnRun.set(f, r);
    for (const c of this.outputsOf(f)) {
      if (r > (this.componentRun.get(c) ?? -Infinity)) this.componentRun.set(c, r);
    }
    return true;
  }
}

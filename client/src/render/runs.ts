// Run-id staleness bookkeeping (docs/protocol.md, "A stale result never reaches the screen"):
// staleness belongs to a function's run. Per function, the newest run seen (in a status, a
// progress report, or an event naming the function in `f`); an event of a lower run of that same
// function is stale and dropped. Two functions writing one output both stay live: the newest
// write wins, in arrival order. An event naming no function (an example's fill) is never stale.
// Pure.

import type { FnSpec } from "../protocol/messages";

export class RunTracker {
  private readonly fnRun = new Map<string, number>();
  private readonly outputs = new Map<string, readonly string[]>();
  private readonly quiet = new Set<string>();

  /** Learns the functions of a (new) app; keeps the runs seen so far unless `clear` is called. */
  setFunctions(fns: readonly FnSpec[]): void {
    this.outputs.clear();
    this.quiet.clear();
    this.addFunctions(fns);
  }

  /** Learns the functions a `@gr.render` sub-layout brought, beside the app's. */
  addFunctions(fns: readonly FnSpec[]): void {
    for (const fn of fns) {
      this.outputs.set(fn.id, fn.outputs);
      if (fn.progress === false) this.quiet.add(fn.id);
    }
  }

  /** The function's runs show no queued / running state or progress (show_progress="hidden"). */
  isQuiet(f: string): boolean {
    return this.quiet.has(f);
  }

  /** Forgets every run (a new session: its run ids start again). */
  clear(): void {
    this.fnRun.clear();
  }

  outputsOf(f: string): readonly string[] {
    return this.outputs.get(f) ?? [];
  }

  /** An update, append, props, chunk or end of run `r` of function `f` (if any): true to apply it. */
  acceptValue(f: string | undefined, r: number): boolean {
    return f === undefined || this.accept(f, r);
  }

  /** A status or progress of run `r` of function `f`: true to apply it. */
  acceptStatus(f: string, r: number): boolean {
    return this.accept(f, r);
  }

  private accept(f: string, r: number): boolean {
    if (r < (this.fnRun.get(f) ?? -Infinity)) return false;
    this.fnRun.set(f, r);
    return true;
  }
}

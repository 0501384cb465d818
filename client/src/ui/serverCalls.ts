// gr.HTML's server functions (`await server.fn(a, b)` in js_on_load): each call is a `call`
// message whose one input is the argument list; its `called` answer names the run, and that
// run's update of the function's hidden result component resolves the promise (an error or a
// cancel rejects it; a run that ends with no update, its value unchanged, gives the last one).

import type { Batch, Value } from "../protocol/messages";

interface Pending {
  readonly result: string;
  readonly resolve: (v: Value) => void;
  readonly reject: (e: Error) => void;
}

export class ServerCalls {
  private readonly byCall = new Map<number, Pending>();
  private readonly byRun = new Map<string, Pending>();
  private readonly last = new Map<string, Value>();

  constructor(
    private readonly nextId: () => number,
    private readonly send: (k: number, f: string, args: readonly Value[]) => void,
  ) {}

  /** Calls function `f` with `args`; resolves with what it wrote to `result`. */
  call(f: string, result: string, args: readonly Value[]): Promise<Value> {
    const k = this.nextId();
    return new Promise<Value>((resolve, reject) => {
      this.byCall.set(k, { result, resolve, reject });
      this.send(k, f, [[...args]]);
    });
  }

  /** Reads a frame's batches (after they were applied) for the answers of pending calls. */
  observe(batches: readonly Batch[]): void {
    if (this.byCall.size === 0 && this.byRun.size === 0) return;
    for (const batch of batches) {
      for (const e of batch.e) {
        if (e.t === "called") this.called(e.k, e.f, e.r, e.msg ?? e.code);
        else if (e.t === "update") this.updated(e.c, e.f, e.r, e.v);
        else if (e.t === "status") this.ended(e.f, e.r, e.s, e.msg);
      }
    }
  }

  private called(k: number, f: string, r: number | undefined, refusal: string | undefined): void {
    const pending = this.byCall.get(k);
    if (pending === undefined) return; // a js= listener's call, not a server function's
    this.byCall.delete(k);
    if (r === undefined) pending.reject(new Error(`${f}: ${refusal ?? "refused"}`));
    else this.byRun.set(runKey(f, r), pending);
  }

  private updated(c: string, f: string | undefined, r: number, v: Value): void {
    this.last.set(c, v);
    const key = runKey(f ?? "", r);
    const pending = this.byRun.get(key);
    if (pending === undefined || pending.result !== c) return;
    this.byRun.delete(key);
    pending.resolve(v);
    this.overtaken(f ?? "", r);
  }

  /** Calls of `f` queue, so a run older than `r` still waiting lost its update to the newer
   * one (two values for one output in a frame keep the last): it fails rather than hang. */
  private overtaken(f: string, r: number): void {
    for (const [key, pending] of this.byRun) {
      const [g, run] = key.split("\u0000");
      if (g !== f || Number(run) >= r) continue;
      this.byRun.delete(key);
      pending.reject(new Error(`${f}: a newer call's result replaced this one's before it reached the page`));
    }
  }

  private ended(f: string, r: number, s: string, msg: string | undefined): void {
    const key = runKey(f, r);
    const pending = this.byRun.get(key);
    if (pending === undefined || (s !== "done" && s !== "error" && s !== "cancelled")) return;
    this.byRun.delete(key);
    if (s === "done") pending.resolve(this.last.get(pending.result) ?? null);
    else pending.reject(new Error(`${f}: ${msg ?? s}`));
  }
}

function runKey(f: string, r: number): string {
  return `${f}\u0000${r}`;
}

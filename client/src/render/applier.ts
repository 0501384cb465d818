// Applies the events of a frame's batches, in order, to the component views: drops stale runs
// of a function (runs.ts), enforces append.at, maps a function's status and progress onto its
// outputs, hands toasts on. DOM-free.

import type { Batch, BatchEvent, Called, Progress, Status, Toast } from "../protocol/messages";
import type { RunTracker } from "./runs";
import { progressInfo } from "./progress";
import type { OutputTarget } from "./target";

export type TargetLookup = (c: string) => OutputTarget | undefined;
export type ToastSink = (t: Toast) => void;

export class BatchApplier {
  private readonly touched = new Set<OutputTarget>();

  constructor(
    private readonly runs: RunTracker,
    private readonly target: TargetLookup,
    private readonly toast: ToastSink = () => {},
  ) {}

  apply(batches: readonly Batch[]): void {
    try {
      for (const batch of batches) for (const event of batch.e) this.event(event);
    } finally {
      for (const view of this.touched) view.commit();
      this.touched.clear();
    }
  }

  private event(e: BatchEvent): void {
    if (e.t === "status") return this.status(e);
    if (e.t === "progress") return this.progress(e);
    if (e.t === "toast") return this.toast(e);
    if (e.t === "received") return this.target(e.c)?.received?.(e.u, e.n);
    if (e.t === "called") return this.called(e);
    const view = this.target(e.c);
    if (view === undefined) return console.warn(`reactive: ${e.t} for unknown component ${e.c}`);
    if (!this.runs.acceptValue(e.f, e.r)) return;
    this.touched.add(view);
    if (e.t === "update") view.update(e.v);
    else if (e.t === "props") view.setProps?.(e.p);
    else if (e.t === "chunk") view.chunk?.(e.v, e.r);
    else if (e.t === "end") view.end?.(e.r);
    else if (!view.append(e.d, e.at)) console.warn(`reactive: dropped an append to ${e.c}: its text is not ${e.at} long`);
  }

  private status(e: Status): void {
    if (!this.runs.acceptStatus(e.f, e.r)) return;
    if (this.runs.isQuiet(e.f) && (e.s === "queued" || e.s === "running")) return;
    for (const c of this.runs.outputsOf(e.f)) {
      const view = this.target(c);
      if (view === undefined) continue;
      this.touched.add(view);
      view.status(e.s, e.pos, e.msg, e.r);
    }
  }

  /** A call the page made (a `js=` listener's Python fn): a refusal is shown, its run is not. */
  private called(e: Called): void {
    if (e.code === undefined) return;
    this.toast({ t: "toast", l: "error", msg: `${e.f}: ${e.msg ?? e.code}` });
  }

  private progress(e: Progress): void {
    if (!this.runs.acceptStatus(e.f, e.r) || this.runs.isQuiet(e.f)) return;
    const info = progressInfo(e);
    for (const c of this.runs.outputsOf(e.f)) this.target(c)?.progress?.(info);
  }
}

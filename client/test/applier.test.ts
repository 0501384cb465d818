// Applying batch events: the append.at rule, stale runs dropped, status mapped onto outputs.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { Batch, BatchEvent, RunState, Value } from "../src/protocol/messages";
import { appendAt, canAppend } from "../src/render/append";
import { BatchApplier } from "../src/render/applier";
import { RunTracker } from "../src/render/runs";
import type { OutputTarget } from "../src/render/target";

class FakeView implements OutputTarget {
  text = "";
  statuses: [RunState, number | undefined, string | undefined][] = [];
  commits = 0;
  update(v: Value): void {
    this.text = typeof v === "string" ? v : String(v);
  }
  append(d: string, at: number): boolean {
    const next = appendAt(this.text, d, at);
    if (next === null) return false;
    this.text = next;
    return true;
  }
  status(s: RunState, pos?: number, msg?: string): void {
    this.statuses.push([s, pos, msg]);
  }
  commit(): void {
    this.commits += 1;
  }
}

function setup(): { views: Record<string, FakeView>; apply: (...e: BatchEvent[]) => void } {
  const views: Record<string, FakeView> = { out: new FakeView(), other: new FakeView() };
  const runs = new RunTracker();
  runs.setFunctions([{ id: "f", inputs: ["in"], outputs: ["out", "other"] }]);
  const applier = new BatchApplier(runs, (c) => views[c]);
  let n = 0;
  const apply = (...e: BatchEvent[]): void => applier.apply([{ t: "batch", n: ++n, e } satisfies Batch]);
  return { views, apply };
}

test("appendAt / canAppend: only at the current length, in UTF-16 units", () => {
  assert.equal(appendAt("ab", "c", 2), "abc");
  assert.equal(appendAt("ab", "c", 1), null);
  assert.equal(appendAt("ab", "c", 3), null);
  assert.equal(appendAt("", "x", 0), "x");
  assert.equal(canAppend("é✓".length, 2), true);
  assert.equal(canAppend("😀".length, 2), true, "an astral character counts two units");
});

test("updates then appends stream text; a misfit append is dropped with a warning", (t) => {
  const warn = t.mock.method(console, "warn", () => {});
  const { views, apply } = setup();
  apply({ t: "update", c: "out", r: 1, v: "0" }, { t: "append", c: "out", r: 1, d: " tokens", at: 1 });
  assert.equal(views["out"]?.text, "0 tokens");
  apply({ t: "append", c: "out", r: 1, d: "!", at: 3 });
  assert.equal(views["out"]?.text, "0 tokens");
  assert.equal(warn.mock.callCount(), 1);
  apply({ t: "append", c: "out", r: 1, d: "!", at: 8 });
  assert.equal(views["out"]?.text, "0 tokens!");
});

test("stale updates, appends and statuses never reach the view", () => {
  const { views, apply } = setup();
  apply({ t: "status", f: "f", r: 2, s: "running" });
  apply({ t: "update", c: "out", r: 1, f: "f", v: "old" });
  apply({ t: "append", c: "out", r: 1, f: "f", d: "x", at: 0 });
  assert.equal(views["out"]?.text, "");
  apply({ t: "status", f: "f", r: 1, s: "done" });
  assert.deepEqual(views["out"]?.statuses, [["running", undefined, undefined]]);
  apply({ t: "update", c: "out", r: 2, f: "f", v: "new" });
  assert.equal(views["out"]?.text, "new");
});

test("a ticker stays live after another function writes its output: the newest write wins", () => {
  const views: Record<string, FakeView> = { out: new FakeView() };
  const runs = new RunTracker();
  runs.setFunctions([
    { id: "ticker", inputs: [], outputs: ["out"] },
    { id: "clear", inputs: [], outputs: ["out"] },
  ]);
  const applier = new BatchApplier(runs, (c) => views[c]);
  let n = 0;
  const apply = (...e: BatchEvent[]): void => applier.apply([{ t: "batch", n: ++n, e }]);
  apply({ t: "status", f: "ticker", r: 1, s: "running" }, { t: "update", c: "out", r: 1, f: "ticker", v: "0" });
  apply({ t: "update", c: "out", r: 1, f: "ticker", v: "1" });
  apply(
    { t: "status", f: "clear", r: 2, s: "running" },
    { t: "update", c: "out", r: 2, f: "clear", v: "" },
    { t: "status", f: "clear", r: 2, s: "done" },
  );
  assert.equal(views["out"]?.text, "");
  apply({ t: "update", c: "out", r: 1, f: "ticker", v: "2" });
  assert.equal(views["out"]?.text, "2", "the ticker's run is still the newest of the ticker");
  apply({ t: "update", c: "out", r: 3, f: "clear", v: "" }, { t: "update", c: "out", r: 1, f: "ticker", v: "3" });
  assert.equal(views["out"]?.text, "3", "in arrival order");
  apply({ t: "update", c: "out", r: 1, v: "filled" });
  assert.equal(views["out"]?.text, "filled", "an example's fill names no function: never stale");
});

test("a status goes to every output of the function, with pos and msg", () => {
  const { views, apply } = setup();
  apply(
    { t: "status", f: "f", r: 7, s: "queued", pos: 2 },
    { t: "status", f: "f", r: 7, s: "error", msg: "ValueError: boom" },
  );
  for (const c of ["out", "other"]) {
    assert.deepEqual(views[c]?.statuses, [["queued", 2, undefined], ["error", undefined, "ValueError: boom"]]);
  }
});

test("each touched view is committed once per apply", () => {
  const { views, apply } = setup();
  apply({ t: "update", c: "out", r: 1, v: "a" }, { t: "update", c: "out", r: 1, v: "b" });
  assert.equal(views["out"]?.commits, 1);
  assert.equal(views["other"]?.commits, 0);
});

test("events for unknown components are skipped, the rest applied", (t) => {
  t.mock.method(console, "warn", () => {});
  const { views, apply } = setup();
  apply({ t: "update", c: "ghost", r: 1, v: "x" }, { t: "update", c: "out", r: 1, v: "y" });
  assert.equal(views["out"]?.text, "y");
});

test("show_progress='hidden': no queued or running state on the outputs, errors still shown", () => {
  const view = new FakeView();
  const runs = new RunTracker();
  runs.setFunctions([{ id: "q", inputs: [], outputs: ["out"], progress: false }]);
  const applier = new BatchApplier(runs, () => view);
  applier.apply([{ t: "batch", n: 1, e: [{ t: "status", f: "q", r: 1, s: "queued", pos: 1 }, { t: "status", f: "q", r: 1, s: "running" }] }]);
  assert.deepEqual(view.statuses, []);
  applier.apply([{ t: "batch", n: 2, e: [{ t: "status", f: "q", r: 1, s: "error", msg: "boom" }] }]);
  assert.deepEqual(view.statuses, [["error", undefined, "boom"]]);
});

test("a refused call (a js= listener's Python fn) is shown as an error; an accepted one is not", () => {
  const toasts: string[] = [];
  const applier = new BatchApplier(new RunTracker(), () => undefined, (t) => toasts.push(t.msg));
  applier.apply([{ t: "batch", n: 1, e: [{ t: "called", k: 1, f: "go", r: 3 }] }]);
  applier.apply([{ t: "batch", n: 2, e: [{ t: "called", k: 2, f: "go", code: "bad_value", msg: "input 0: not a choice" }] }]);
  assert.deepEqual(toasts, ["go: input 0: not a choice"]);
});

// The component library's protocol additions: props / progress / toast events through the guards
// and the applier, the progress line, the example click's bytes, and typed table cells.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { encodeMessage } from "../src/protocol/codec";
import { isBatchEvent } from "../src/protocol/guards";
import * as m from "../src/protocol/messages";
import type { Props, RunState, Toast, Value } from "../src/protocol/messages";
import { BatchApplier } from "../src/render/applier";
import { progressInfo, progressText } from "../src/render/progress";
import { RunTracker } from "../src/render/runs";
import type { OutputTarget, ProgressInfo } from "../src/render/target";

const GOLDEN = process.env["RX_GOLDEN_DIR"] ?? join(process.cwd(), "../tests/golden");

class FakeView implements OutputTarget {
  props: Props = {};
  progresses: ProgressInfo[] = [];
  statuses: RunState[] = [];
  update(_v: Value): void {}
  append(): boolean {
    return false;
  }
  status(s: RunState): void {
    this.statuses.push(s);
  }
  commit(): void {}
  setProps(p: Props): void {
    this.props = { ...this.props, ...p };
  }
  progress(p: ProgressInfo): void {
    this.progresses.push(p);
  }
}

test("the guards accept props, progress and toast events", () => {
  assert.ok(isBatchEvent({ t: "props", c: "x", r: 1, p: { visible: false } }));
  assert.ok(isBatchEvent({ t: "progress", f: "f", r: 1, p: 0.5 }));
  assert.ok(isBatchEvent({ t: "toast", l: "info", msg: "hi" }));
  assert.ok(!isBatchEvent({ t: "toast", l: "shout", msg: "hi" }));
  assert.ok(!isBatchEvent({ t: "props", c: "x", r: 1, p: [] }));
});

test("the applier routes props to the view, progress to the outputs, toasts to the sink", () => {
  const view = new FakeView();
  const toasts: Toast[] = [];
  const runs = new RunTracker();
  runs.setFunctions([{ id: "f", inputs: [], outputs: ["out"] }]);
  const applier = new BatchApplier(runs, (c) => (c === "out" ? view : undefined), (t) => toasts.push(t));
  applier.apply([
    {
      t: "batch",
      n: 1,
      e: [
        { t: "status", f: "f", r: 2, s: "running" },
        { t: "props", c: "out", r: 2, p: { label: "New" } },
        { t: "progress", f: "f", r: 2, p: 0.5, msg: "half" },
        { t: "progress", f: "f", r: 1, p: 0.9 }, // a superseded run's: dropped
        { t: "toast", l: "warning", msg: "careful" },
      ],
    },
  ]);
  assert.deepEqual(view.props, { label: "New" });
  assert.deepEqual(view.progresses.map((p) => p.fraction), [0.5]);
  assert.deepEqual(toasts.map((t) => t.msg), ["careful"]);
});

test("the progress line shows the message, steps, percentage and time left", () => {
  const line = progressText(progressInfo({ t: "progress", f: "f", r: 1, p: 0.3, msg: "loading", i: 3, n: 10, u: "files", eta: 75 }));
  assert.equal(line, "loading · 3/10 files · 30% · 1m 15s left");
  assert.equal(progressText(progressInfo({ t: "progress", f: "f", r: 1 })), "");
  assert.equal(progressInfo({ t: "progress", f: "f", r: 1, p: 7 }).fraction, 1);
});

test("the example click constructor matches the golden bytes", () => {
  const golden = readFileSync(join(GOLDEN, "example.msgpack"));
  assert.deepStrictEqual(Buffer.from(encodeMessage(m.example("calc", 2))), golden);
});

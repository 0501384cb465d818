// Run-id staleness rules (docs/protocol.md): staleness belongs to a function's run.

import assert from "node:assert/strict";
import { test } from "node:test";
import { RunTracker } from "../src/render/runs";

function tracker(): RunTracker {
  const runs = new RunTracker();
  runs.setFunctions([
    { id: "f", inputs: ["a"], outputs: ["x", "y"] },
    { id: "g", inputs: ["b"], outputs: ["y"] },
  ]);
  return runs;
}

test("values: equal or higher runs of the function apply, lower ones are stale", () => {
  const runs = tracker();
  assert.equal(runs.acceptValue("f", 3), true);
  assert.equal(runs.acceptValue("f", 3), true);
  assert.equal(runs.acceptValue("f", 5), true);
  assert.equal(runs.acceptValue("f", 4), false);
  assert.equal(runs.acceptValue("g", 1), true, "functions are independent");
});

test("a status raises its function's run, so late values of older runs of it drop", () => {
  const runs = tracker();
  assert.equal(runs.acceptValue("f", 1), true);
  assert.equal(runs.acceptStatus("f", 2), true);
  assert.equal(runs.acceptValue("f", 1), false);
  assert.equal(runs.acceptValue("f", 2), true);
});

test("two functions writing one output: another function's newer run never makes a run stale", () => {
  const runs = tracker();
  // A ticker (g, run 1) writes y; a Clear (f, run 2) writes y too; the ticker goes on.
  assert.equal(runs.acceptStatus("g", 1), true);
  assert.equal(runs.acceptValue("g", 1), true);
  assert.equal(runs.acceptStatus("f", 2), true);
  assert.equal(runs.acceptValue("f", 2), true);
  assert.equal(runs.acceptStatus("f", 2), true, "done");
  assert.equal(runs.acceptValue("g", 1), true, "the ticker's next value is live");
  assert.equal(runs.acceptStatus("g", 1), true);
});

test("an event that names no function (an example's fill) is never stale", () => {
  const runs = tracker();
  runs.acceptStatus("f", 9);
  assert.equal(runs.acceptValue(undefined, 1), true);
  assert.equal(runs.acceptValue("f", 8), false);
});

test("statuses: lower runs of the same function are stale, other functions are not", () => {
  const runs = tracker();
  assert.equal(runs.acceptStatus("f", 4), true);
  assert.equal(runs.acceptStatus("f", 4), true, "running then done of the same run");
  assert.equal(runs.acceptStatus("f", 3), false);
  assert.equal(runs.acceptStatus("g", 1), true);
});

test("a stale status does not lower the function's run", () => {
  const runs = tracker();
  runs.acceptStatus("f", 9);
  assert.equal(runs.acceptStatus("f", 2), false);
  assert.equal(runs.acceptValue("f", 8), false);
  assert.equal(runs.acceptValue("f", 9), true);
});

test("clear forgets runs (a new session); setFunctions keeps them", () => {
  const runs = tracker();
  runs.acceptValue("f", 8);
  runs.setFunctions([{ id: "f", inputs: [], outputs: ["x"] }]);
  assert.equal(runs.acceptValue("f", 7), false);
  runs.clear();
  assert.equal(runs.acceptValue("f", 1), true);
  assert.deepEqual(runs.outputsOf("f"), ["x"]);
  assert.deepEqual(runs.outputsOf("nope"), []);
});

test("a render's functions join the app's: their outputs and quiet flags are known", () => {
  const runs = tracker();
  runs.addFunctions([{ id: "render.2.click", inputs: [], outputs: ["render.2.textbox-1"], progress: false }]);
  assert.deepEqual(runs.outputsOf("render.2.click"), ["render.2.textbox-1"]);
  assert.equal(runs.isQuiet("render.2.click"), true);
  assert.deepEqual(runs.outputsOf("f"), ["x", "y"], "the app's stay");
});

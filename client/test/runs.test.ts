// Run-id staleness rules (docs/protocol.md): per component, per function, copied to outputs.

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

test("values: equal or higher runs apply, lower ones are stale", () => {
  const runs = tracker();
  assert.equal(runs.acceptValue("x", 3), true);
  assert.equal(runs.acceptValue("x", 3), true);
  assert.equal(runs.acceptValue("x", 5), true);
  assert.equal(runs.acceptValue("x", 4), false);
  assert.equal(runs.acceptValue("y", 1), true, "components are independent");
});

test("a status raises the function's outputs, so late values of older runs drop", () => {
  const runs = tracker();
  assert.equal(runs.acceptValue("x", 1), true);
  assert.equal(runs.acceptStatus("f", 2), true);
  assert.equal(runs.acceptValue("x", 1), false);
  assert.equal(runs.acceptValue("y", 1), false);
  assert.equal(runs.acceptValue("x", 2), true);
});

test("statuses: lower runs of the same function are stale, other functions are not", () => {
  const runs = tracker();
  assert.equal(runs.acceptStatus("f", 4), true);
  assert.equal(runs.acceptStatus("f", 4), true, "running then done of the same run");
  assert.equal(runs.acceptStatus("f", 3), false);
  assert.equal(runs.acceptStatus("g", 1), true);
});

test("a stale status does not touch the outputs", () => {
  const runs = tracker();
  runs.acceptStatus("f", 9);
  runs.acceptValue("y", 9);
  assert.equal(runs.acceptStatus("f", 2), false);
  assert.equal(runs.acceptValue("y", 9), true);
});

test("a status never lowers an output that is ahead", () => {
  const runs = tracker();
  runs.acceptValue("y", 10);
  runs.acceptStatus("g", 7);
  assert.equal(runs.acceptValue("y", 9), false);
  assert.equal(runs.acceptValue("y", 10), true);
});

test("clear forgets runs (a new session); setFunctions keeps them", () => {
  const runs = tracker();
  runs.acceptValue("x", 8);
  runs.setFunctions([{ id: "f", inputs: [], outputs: ["x"] }]);
  assert.equal(runs.acceptValue("x", 7), false);
  runs.clear();
  assert.equal(runs.acceptValue("x", 1), true);
  assert.deepEqual(runs.outputsOf("f"), ["x"]);
  assert.deepEqual(runs.outputsOf("nope"), []);
});

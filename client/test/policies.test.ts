// Input policies: no-resend skips a value equal to the last one the server has; immediate sends
// every value at once (no debounce).

import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultInputChain } from "../src/inputs/chain";
import { sameValue } from "../src/inputs/equal";
import { ImmediatePolicy } from "../src/inputs/immediatePolicy";
import type { Value } from "../src/protocol/messages";

function chain(): { sent: [string, Value][]; policy: ReturnType<typeof defaultInputChain> } {
  const sent: [string, Value][] = [];
  return { sent, policy: defaultInputChain((c, v) => sent.push([c, v])) };
}

test("every keystroke is sent at once", () => {
  const { sent, policy } = chain();
  for (const v of ["h", "he", "hel"]) policy.receive("t", v);
  assert.deepEqual(sent, [["t", "h"], ["t", "he"], ["t", "hel"]]);
});

test("a value equal to the last sent is skipped, per component", () => {
  const { sent, policy } = chain();
  policy.receive("t", "a");
  policy.receive("t", "a");
  policy.receive("u", "a");
  policy.receive("t", "b");
  policy.receive("t", "a");
  assert.deepEqual(sent, [["t", "a"], ["u", "a"], ["t", "b"], ["t", "a"]]);
});

test("the first value is sent even when it is nil or false", () => {
  const { sent, policy } = chain();
  policy.receive("n", null);
  policy.receive("c", false);
  assert.deepEqual(sent, [["n", null], ["c", false]]);
});

test("reset: what the server set is not sent back; a change from it is", () => {
  const { sent, policy } = chain();
  policy.reset("t", "initial");
  policy.receive("t", "initial");
  assert.deepEqual(sent, []);
  policy.receive("t", "x");
  policy.reset("t", "SERVER");
  policy.receive("t", "x");
  assert.deepEqual(sent, [["t", "x"], ["t", "x"]]);
});

test("clear forgets every component", () => {
  const { sent, policy } = chain();
  policy.receive("t", "a");
  policy.clear();
  policy.receive("t", "a");
  assert.deepEqual(sent, [["t", "a"], ["t", "a"]]);
});

test("lists compare by element; images (maps) are always sent", () => {
  const { sent, policy } = chain();
  policy.receive("d", ["a", "b"]);
  policy.receive("d", ["a", "b"]);
  policy.receive("d", ["a"]);
  const img = (): Value => ({ mime: "image/png", data: new Uint8Array([1]), name: "a.png" });
  policy.receive("i", img());
  policy.receive("i", img());
  assert.equal(sent.length, 4, "[a,b], [a], and both uploads");
});

test("sameValue", () => {
  assert.equal(sameValue(1, 1), true);
  assert.equal(sameValue(undefined, null), false);
  assert.equal(sameValue(1, 1.5), false);
  assert.equal(sameValue([], []), true);
  assert.equal(sameValue(["a"], ["b"]), false);
  assert.equal(sameValue([[1]], [[1]]), false, "nested values are not compared deeply");
});

test("immediate policy forwards at once and flush is a no-op", () => {
  const sent: Value[] = [];
  const p = new ImmediatePolicy((_c, v) => sent.push(v));
  p.receive("x", 1);
  p.flush();
  assert.deepEqual(sent, [1]);
});

// gr.HTML's server functions: a call's promise follows its run's update, error or end.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { BatchEvent, Value } from "../src/protocol/messages";
import { ServerCalls } from "../src/ui/serverCalls";

function setup(): { calls: ServerCalls; sent: [number, string, readonly Value[]][]; feed: (...e: BatchEvent[]) => void } {
  let k = 0;
  const sent: [number, string, readonly Value[]][] = [];
  const calls = new ServerCalls(() => ++k, (id, f, args) => sent.push([id, f, args]));
  let n = 0;
  const feed = (...e: BatchEvent[]): void => calls.observe([{ t: "batch", n: ++n, e }]);
  return { calls, sent, feed };
}

test("a call sends its arguments as one input and resolves with its run's result", async () => {
  const { calls, sent, feed } = setup();
  const answer = calls.call("add", "res", [2, 3]);
  assert.deepEqual(sent, [[1, "add", [[2, 3]]]]);
  feed({ t: "called", k: 1, f: "add", r: 7 }, { t: "update", c: "res", f: "add", r: 6, v: 0 });
  feed({ t: "update", c: "res", f: "add", r: 7, v: 5 }, { t: "status", f: "add", r: 7, s: "done" });
  assert.equal(await answer, 5);
});

test("a refusal or an error rejects, naming the function", async () => {
  const { calls, feed } = setup();
  const refused = calls.call("add", "res", ["x"]);
  const failed = calls.call("add", "res", [1]);
  feed({ t: "called", k: 1, f: "add", code: "bad_value", msg: "input 0: bad" }, { t: "called", k: 2, f: "add", r: 1 });
  feed({ t: "status", f: "add", r: 1, s: "error", msg: "ValueError: no" });
  await assert.rejects(refused, /add: input 0: bad/);
  await assert.rejects(failed, /add: ValueError: no/);
});

test("a run that ends with no update (the same value) gives the last value shown", async () => {
  const { calls, feed } = setup();
  const first = calls.call("f", "res", []);
  feed({ t: "called", k: 1, f: "f", r: 1 }, { t: "update", c: "res", f: "f", r: 1, v: "same" });
  assert.equal(await first, "same");
  const second = calls.call("f", "res", []);
  feed({ t: "called", k: 2, f: "f", r: 2 }, { t: "status", f: "f", r: 2, s: "done" });
  assert.equal(await second, "same");
});

test("an older call whose update a newer one replaced fails rather than hangs", async () => {
  const { calls, feed } = setup();
  const older = calls.call("f", "res", [1]);
  const newer = calls.call("f", "res", [2]);
  feed({ t: "called", k: 1, f: "f", r: 1 }, { t: "called", k: 2, f: "f", r: 2 }, { t: "update", c: "res", f: "f", r: 2, v: "two" });
  assert.equal(await newer, "two");
  await assert.rejects(older, /a newer call's result replaced/);
});

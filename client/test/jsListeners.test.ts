// js= listeners: JavaScript alone fills the outputs; beside a Python fn its result is fn's call.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { ComponentView } from "../src/components/view";
import type { FnSpec, Value } from "../src/protocol/messages";
import { jsArguments, JsListeners, type JsSink } from "../src/ui/jsListeners";

function views(values: Record<string, Value>): (id: string) => ComponentView | undefined {
  return (id) => (id in values ? ({ current: () => values[id] } as unknown as ComponentView) : undefined);
}

class Sink implements JsSink {
  shown: [string, Value][] = [];
  calls: [string, readonly Value[]][] = [];
  failures: string[] = [];
  show(id: string, v: Value): void {
    this.shown.push([id, v]);
  }
  call(f: string, args: readonly Value[]): void {
    this.calls.push([f, args]);
  }
  fail(message: string): void {
    this.failures.push(message);
  }
}

async function fired(spec: FnSpec, values: Record<string, Value>): Promise<Sink> {
  const sink = new Sink();
  new JsListeners([spec]).fire("b", "click", views(values), sink);
  await new Promise((resolve) => setImmediate(resolve)); // the listener's await settles
  return sink;
}

const base = { outputs: ["out"], triggers: [["b", "click"]] } as const;

test("JavaScript alone: what it returns fills the output", async () => {
  const sink = await fired({ ...base, id: "js", inputs: ["a"], js: "(a) => a + '!'" }, { a: "hi" });
  assert.deepEqual(sink.shown, [["out", "hi!"]]);
  assert.deepEqual(sink.calls, []);
});

test("beside a Python fn: the result is the call's inputs, nothing shown", async () => {
  const spec = { ...base, id: "go", inputs: ["a", "b"], js: "async (a, b) => [b, a, 'extra']", call: true };
  const sink = await fired(spec, { a: "x", b: "y" });
  assert.deepEqual(sink.calls, [["go", ["y", "x"]]]);
  assert.deepEqual(sink.shown, []);
});

test("one input takes the value itself, an array included", async () => {
  const sink = await fired({ ...base, id: "go", inputs: ["a"], js: "(a) => [a, a]", call: true }, { a: 1 });
  assert.deepEqual(sink.calls, [["go", [[1, 1]]]]);
});

test("too few values, or a function that throws, is an error and no call", async () => {
  const few = await fired({ ...base, id: "go", inputs: ["a", "b"], js: "() => undefined", call: true }, { a: 1, b: 2 });
  assert.deepEqual(few.calls, []);
  assert.match(few.failures[0] ?? "", /returned 0 value\(s\) for 2 input\(s\)/);
  const origError = console.error;
  console.error = () => {};
  try {
    const threw = await fired({ ...base, id: "go", inputs: [], js: "() => { throw new Error('no') }", call: true }, {});
    assert.deepEqual(threw.calls, []);
    assert.match(threw.failures[0] ?? "", /its js= function failed \(Error: no\)/);
  } finally {
    console.error = origError;
  }
});

test("no inputs: a function returning nothing still calls fn", async () => {
  const sink = await fired({ ...base, id: "go", inputs: [], js: "() => { }", call: true }, {});
  assert.deepEqual(sink.calls, [["go", []]]);
  assert.deepEqual(jsArguments(undefined, 0), []);
  assert.deepEqual(jsArguments("s", 2), ["s"]);
});

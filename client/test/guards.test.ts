// Server frames are checked before use: top-level faults throw, a bad batch event is dropped alone.

import assert from "node:assert/strict";
import { test } from "node:test";
import { toServerMessage } from "../src/protocol/guards";
import type { Message } from "../src/protocol/messages";

const msg = (v: object): Message => v as Message;

test("a batch keeps its good events and drops malformed ones", (t) => {
  t.mock.method(console, "warn", () => {});
  const out = toServerMessage(
    msg({
      t: "batch",
      n: 3,
      e: [
        { t: "update", c: "a", r: 1, v: null },
        { t: "update", c: "a" },
        { t: "status", f: "f", r: 1, s: "exploded" },
        { t: "append", c: "a", r: 1, d: "x", at: 0 },
        { t: "update", c: "a", r: 1, f: "fn", v: 1 },
        { t: "update", c: "a", r: 1, f: 7, v: 1 },
        { t: "chunk", c: "a", r: 1, f: null, v: 1 },
        { t: "nope", r: 1 },
      ],
    }),
  );
  assert.equal(out.t, "batch");
  assert.deepEqual(out.t === "batch" ? out.e.map((e) => e.t) : [], ["update", "append", "update"]);
});

test("welcome, error: required fields; unknown types throw", () => {
  const app = { title: "T", components: {}, layout: { type: "column", props: {}, children: [] }, fns: [] };
  assert.equal(toServerMessage(msg({ t: "welcome", v: 1, session: "s", resumed: true, app })).t, "welcome");
  assert.throws(() => toServerMessage(msg({ t: "welcome", v: 1, session: "s", app: {} })), /welcome.app/);
  assert.deepEqual(toServerMessage(msg({ t: "error", code: "bad_value", msg: "m" })), { t: "error", code: "bad_value", msg: "m" });
  assert.deepEqual(toServerMessage(msg({ t: "error", code: "x", msg: "m", c: "k" })), { t: "error", code: "x", msg: "m", c: "k" });
  assert.throws(() => toServerMessage(msg({ t: "error", msg: "m" })), /error.code/);
  assert.throws(() => toServerMessage(msg({ t: "batch", n: 1, e: {} })), /batch.e/);
  assert.throws(() => toServerMessage(msg({ t: "hello" })), /expected welcome, batch or error/);
});

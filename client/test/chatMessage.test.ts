// Chat messages from the wire: metadata and options read, deep equality (bytes too), and back.

import assert from "node:assert/strict";
import { test } from "node:test";
import { sameMessage, sameValue, textOf, toMessages, toPageValue, toWire } from "../src/components/chatMessage";

test("messages keep their metadata and options, and go back to the same wire form", () => {
  const wire = [
    { role: "assistant", content: "plan", metadata: { title: "Tools", status: "pending", id: 1, duration: 1.5, colour: "x" } },
    { role: "assistant", content: "done", options: [{ value: "yes", label: "Yes" }, { value: "no" }] },
  ];
  const [thought, answer] = toMessages(wire);
  assert.deepEqual(thought?.metadata, { title: "Tools", status: "pending", id: "1", duration: 1.5 });
  assert.deepEqual(answer?.options, [{ value: "yes", label: "Yes" }, { value: "no", label: "no" }]);
  assert.equal(answer === undefined ? null : textOf(answer), "done");
  assert.deepEqual(answer === undefined ? null : toWire(answer), {
    role: "assistant",
    content: "done",
    options: [{ value: "yes", label: "Yes" }, { value: "no", label: "no" }],
  });
  assert.deepEqual(toMessages("not a list"), []);
});

test("equality looks inside files, so an unchanged picture is not drawn again", () => {
  const file = (byte: number) => ({ file: { name: "a.png", mime: "image/png", data: new Uint8Array([1, 2, byte]) } });
  assert.ok(sameValue(file(3), file(3)));
  assert.ok(!sameValue(file(3), file(4)));
  const [a] = toMessages([{ role: "user", content: file(3) }]);
  const [b] = toMessages([{ role: "user", content: file(3) }]);
  const [c] = toMessages([{ role: "user", content: file(3), metadata: { title: "t" } }]);
  assert.ok(sameMessage(a, b));
  assert.ok(!sameMessage(a, c));
});

test("a history sent back keeps its newest files within the budget, older ones by name", () => {
  const file = (name: string, size: number) => ({ role: "user", content: { file: { name, mime: "image/png", data: new Uint8Array(size) } } });
  const messages = toMessages([file("old.png", 60), { role: "user", content: "hi" }, file("new.png", 60)]);
  const sent = toPageValue(messages, 100);
  assert.deepEqual(sent[0], { role: "user", content: "📎 old.png" });
  assert.deepEqual(sent[1], { role: "user", content: "hi" });
  assert.equal(((sent[2] as { content: { file: { data: Uint8Array } } }).content.file.data).length, 60);
  assert.equal(toPageValue(messages).length, 3);
});

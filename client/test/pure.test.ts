// Small pure helpers: reconnect backoff, dropdown choices, json text, props.

import assert from "node:assert/strict";
import { test } from "node:test";
import { parseChoices } from "../src/components/choices";
import { downloadType } from "../src/components/downloadType";
import { jsonText } from "../src/components/jsonText";
import { asText, classes } from "../src/components/props";
import { Backoff } from "../src/transport/backoff";

test("backoff: 100 ms doubling to 2 s, reset to 100 ms", () => {
  const b = new Backoff();
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(() => b.next()), [100, 200, 400, 800, 1600, 2000, 2000]);
  b.reset();
  assert.equal(b.next(), 100);
});

test("choices: [label, value] pairs or bare values", () => {
  assert.deepEqual(parseChoices([["One", "1"], "two"]), [
    { label: "One", value: "1" },
    { label: "two", value: "two" },
  ]);
  assert.deepEqual(parseChoices(null), []);
});

test("jsonText pretty-prints, with bins and nil", () => {
  assert.equal(jsonText({ a: [1, "x"] }), '{\n  "a": [\n    1,\n    "x"\n  ]\n}');
  assert.equal(jsonText(new Uint8Array(3)), '"<bin 3 bytes>"');
  assert.equal(jsonText(null), "null");
  assert.equal(jsonText(undefined), "null");
});

test("props: text and classes", () => {
  assert.equal(asText(null), "");
  assert.equal(asText(3), "3");
  assert.deepEqual(classes({ elem_classes: ["a b", "c", 3] }), ["a", "b", "c"]);
  assert.deepEqual(classes({ elem_classes: "x  y" }), ["x", "y"]);
  assert.deepEqual(classes({}), []);
});

test("downloads: only pictures, sounds and films keep their type; the rest is save-only", () => {
  for (const shown of ["image/png", "image/jpeg", "audio/wav", "video/mp4", 'video/webm; codecs="vp9"']) {
    assert.equal(downloadType(shown), shown);
  }
  for (const risky of ["text/html", "TEXT/HTML", "image/svg+xml", "application/xhtml+xml", "text/xml", "", "text/plain"]) {
    assert.equal(downloadType(risky), "application/octet-stream");
  }
});

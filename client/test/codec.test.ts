// The codec against the golden frames shared with the Python codec (tests/golden/).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { decodeMessage, encodeMessage } from "../src/protocol/codec";
import { ProtocolError } from "../src/protocol/errors";
import type { Message } from "../src/protocol/messages";
import * as m from "../src/protocol/messages";

const GOLDEN = process.env["RX_GOLDEN_DIR"] ?? join(process.cwd(), "../tests/golden");

interface Golden { name: string; file: string; value: unknown }

/** frames.json form -> decoded form: {"$bin": hex} is a Uint8Array. */
function fromJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === "object" && v !== null) {
    const entries = Object.entries(v);
    const first = entries[0];
    if (entries.length === 1 && first !== undefined && first[0] === "$bin") {
      return new Uint8Array(Buffer.from(first[1] as string, "hex"));
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, fromJson(x)]));
  }
  return v;
}

const frames = JSON.parse(readFileSync(join(GOLDEN, "frames.json"), "utf8")) as Golden[];

test("there are golden frames", () => assert.ok(frames.length >= 10));

for (const frame of frames) {
  const bytes = new Uint8Array(readFileSync(join(GOLDEN, frame.file)));
  const value = fromJson(frame.value);

  test(`golden ${frame.name}: decode gives the JSON value`, () => {
    assert.deepStrictEqual(normalize(decodeMessage(bytes)), value);
  });

  test(`golden ${frame.name}: encode gives the same bytes`, () => {
    assert.deepStrictEqual(Buffer.from(encodeMessage(value as Message)), Buffer.from(bytes));
  });
}

test("decode also takes an ArrayBuffer (what the WebSocket gives)", () => {
  const bytes = new Uint8Array(readFileSync(join(GOLDEN, "ack.msgpack")));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  assert.deepStrictEqual(decodeMessage(buffer), { t: "ack", n: 70000 });
});

test("message constructors match the golden bytes (key order t first)", () => {
  const golden = (name: string): Buffer => readFileSync(join(GOLDEN, `${name}.msgpack`));
  assert.deepStrictEqual(Buffer.from(encodeMessage(m.hello(null))), golden("hello"));
  assert.deepStrictEqual(Buffer.from(encodeMessage(m.hello("s-3f2a"))), golden("hello_resume"));
  assert.deepStrictEqual(Buffer.from(encodeMessage(m.input("text", "héllo ✓"))), golden("input_text"));
  assert.deepStrictEqual(Buffer.from(encodeMessage(m.input("n", 2.5))), golden("input_number"));
  assert.deepStrictEqual(Buffer.from(encodeMessage(m.trigger("go", "click"))), golden("trigger"));
  assert.deepStrictEqual(Buffer.from(encodeMessage(m.ack(70000))), golden("ack"));
  const image = { mime: "image/png", data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]), name: "a.png" };
  assert.deepStrictEqual(Buffer.from(encodeMessage(m.input("img", image))), golden("input_image"));
  const pcm = new Uint8Array([0x01, 0x00, 0xff, 0x7f]);
  assert.deepStrictEqual(Buffer.from(encodeMessage(m.pcmChunk("mic", 3, 0, 48000, pcm))), golden("stream_pcm"));
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff]);
  assert.deepStrictEqual(Buffer.from(encodeMessage(m.imageChunk("cam", 4, 9, "image/jpeg", jpeg))), golden("stream_image"));
  assert.deepStrictEqual(Buffer.from(encodeMessage(m.streamEnd("mic", 3))), golden("stream_end"));
});

test("decode is strict: not msgpack, not a map, no string t", () => {
  const enc = (v: unknown): Uint8Array => encodeMessage(v as Message);
  assert.throws(() => decodeMessage(new Uint8Array([0xc1])), ProtocolError);
  assert.throws(() => decodeMessage(new Uint8Array([])), ProtocolError);
  assert.throws(() => decodeMessage(enc([1, 2])), /expected a map, got array/);
  assert.throws(() => decodeMessage(enc("hello")), /expected a map/);
  assert.throws(() => decodeMessage(enc(null)), /expected a map, got nil/);
  assert.throws(() => decodeMessage(enc({ v: 1 })), /expected a string "t"/);
  assert.throws(() => decodeMessage(enc({ t: 3 })), /expected a string "t"/);
});

test("undefined optional fields are left out, not sent as nil", () => {
  const bytes = encodeMessage({ t: "error", code: "x", msg: "y", c: undefined } as unknown as Message);
  assert.deepStrictEqual(decodeMessage(bytes), { t: "error", code: "x", msg: "y" });
});

/** Decoded bins are views into the frame; compare them as plain Uint8Arrays. */
function normalize(v: unknown): unknown {
  if (v instanceof Uint8Array) return new Uint8Array(v);
  if (Array.isArray(v)) return v.map(normalize);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
  return v;
}

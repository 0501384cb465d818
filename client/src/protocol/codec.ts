// Encode and decode one frame: a msgpack map whose "t" is a string (docs/protocol.md).
// The only module that touches @msgpack/msgpack; strict about the outer shape.

import { Decoder, Encoder } from "@msgpack/msgpack";
import { expected } from "./errors";
import type { ClientMessage, Message } from "./messages";

// Mirrors the server's limits (reactive/protocol/limits.py) so a hostile frame fails fast.
const MiB = 1024 * 1024;
const decoder = new Decoder({
  maxStrLength: 16 * MiB,
  maxBinLength: 64 * MiB,
  maxArrayLength: 1_000_000,
  maxMapLength: 1_000_000,
});
// ignoreUndefined: an optional field left undefined is omitted, never sent as nil.
const encoder = new Encoder({ ignoreUndefined: true });

/** Bytes of one frame. Key order follows the object, so build messages with "t" first. */
export function encodeMessage(message: ClientMessage | Message): Uint8Array {
  return encoder.encode(message);
}

/** One frame's value; throws ProtocolError unless it is a map with a string "t". */
export function decodeMessage(bytes: ArrayBuffer | Uint8Array): Message {
  let value: unknown;
  try {
    value = decoder.decode(bytes);
  } catch (err) {
    throw expected("a msgpack value", err instanceof Error ? err.message : err);
  }
  if (!isMap(value)) throw expected("a map", value);
  if (typeof value["t"] !== "string") throw expected('a string "t"', value["t"]);
  return value as Message;
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

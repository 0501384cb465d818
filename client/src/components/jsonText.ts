// Pretty-prints any msgpack value for the json view: bin as "<bin N bytes>", bigint as digits.

import type { Value } from "../protocol/messages";

export function jsonText(v: Value | undefined): string {
  const text = JSON.stringify(
    v ?? null,
    (_key, x: unknown) => {
      if (x instanceof Uint8Array) return `<bin ${x.length} bytes>`;
      if (typeof x === "bigint") return x.toString();
      return x;
    },
    2,
  );
  return text ?? "null";
}

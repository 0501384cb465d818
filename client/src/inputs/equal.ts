// Cheap equality for input values: primitives and lists of primitives (dropdown multiselect).
// Anything else (an image upload) is never "equal", so it is always sent.

import type { Value } from "../protocol/messages";

export function sameValue(a: Value | undefined, b: Value): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x: unknown = a[i];
    if (x !== b[i] || (typeof x === "object" && x !== null)) return false;
  }
  return true;
}

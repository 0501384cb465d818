// The client's one protocol error: a frame that is not what docs/protocol.md says.

export class ProtocolError extends Error {
  override readonly name = "ProtocolError";
}

/** Misuse message in the house form: "expected X, got Y". */
export function expected(what: string, got: unknown): ProtocolError {
  return new ProtocolError(`expected ${what}, got ${describe(got)}`);
}

function describe(value: unknown): string {
  if (value === null) return "nil";
  if (Array.isArray(value)) return "array";
  if (value instanceof Uint8Array) return "bin";
  return typeof value === "object" ? "map" : `${typeof value} ${JSON.stringify(value)}`;
}

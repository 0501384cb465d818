// The whole-file value of audio and video components (docs/protocol.md): {mime, data, name}
// from the server, or {mime, name} for a file the page uploaded itself (the page has the bytes),
// or nil. Also the video stream payload {k: "fmp4", mime, data}.

import { isMap } from "../protocol/codec";
import type { Value } from "../protocol/messages";

export interface MediaFile {
  readonly mime: string;
  readonly data: Uint8Array | null;
  readonly name: string;
}

export function toMediaFile(v: Value | undefined, fallbackName: string): MediaFile | null {
  if (!isMap(v)) return null;
  const { mime, data, name } = v;
  if (typeof mime !== "string") return null;
  return {
    mime,
    data: data instanceof Uint8Array ? data : null,
    name: typeof name === "string" && name !== "" ? name : fallbackName,
  };
}

export interface Fmp4Chunk {
  readonly mime: string;
  readonly data: Uint8Array;
  /** It starts with an init segment (a new file, or a new format). */
  readonly init: boolean;
}

export function toFmp4(v: Value): Fmp4Chunk | null {
  if (!isMap(v) || v["k"] !== "fmp4") return null;
  const { mime, data } = v;
  if (typeof mime !== "string" || !(data instanceof Uint8Array)) return null;
  const init = data.length >= 8 && String.fromCharCode(...data.subarray(4, 8)) === "ftyp";
  return { mime, data, init };
}

/** "1:05" */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// The image value of docs/protocol.md: {mime, data: bin, w, h} from the server, or nil.

import { isMap } from "../protocol/codec";
import type { Value } from "../protocol/messages";

export interface ImageValue {
  readonly mime: string;
  readonly data: Uint8Array;
  readonly w: number | null;
  readonly h: number | null;
}

export function toImage(v: Value | undefined): ImageValue | null {
  if (!isMap(v)) return null;
  const { mime, data, w, h } = v;
  if (typeof mime !== "string" || !(data instanceof Uint8Array)) return null;
  return { mime, data, w: typeof w === "number" ? w : null, h: typeof h === "number" ? h : null };
}

/** Upload budget: the server takes at most 16 MiB per message; leave room for the envelope. */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024 - 4096;

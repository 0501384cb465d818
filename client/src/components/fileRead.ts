// Files the person picked, read for sending as values ({name, mime, data}), and the picker's
// `accept` from Gradio's file_types (extensions, or categories like "image").

import type { Value } from "../protocol/messages";
import { MAX_UPLOAD_BYTES } from "./imageValue";

/** `file_types` as an <input type=file> accept list: ".pdf" stays, "image" is "image/*". */
export function acceptOf(types: Value | undefined): string {
  if (!Array.isArray(types)) return "";
  return types.map((t) => (String(t).startsWith(".") ? String(t) : `${String(t)}/*`)).join(",");
}

/** The files as values, or a message when they are too large to send together. */
export async function readFiles(files: readonly File[]): Promise<Value[] | string> {
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > MAX_UPLOAD_BYTES) return "the files are larger than 16 MiB together";
  const values: Value[] = [];
  for (const f of files) {
    values.push({ name: f.name, mime: f.type || "application/octet-stream", data: new Uint8Array(await f.arrayBuffer()) });
  }
  return values;
}

// One chat message as the server sends it: {role, content, metadata?, options?}. Content is
// Markdown text, {file: {name, mime, data, alt?}} or {component, value, label?, props?}.

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";

export interface ChatMeta {
  title?: string;
  status?: string;
  id?: string;
  parent_id?: string;
  duration?: number;
  log?: string;
}

export interface ChatOption {
  value: string;
  label: string;
}

export interface ChatMessage {
  role: string;
  content: Value;
  metadata: ChatMeta | null;
  options: ChatOption[];
}

export function toMessages(v: Value): ChatMessage[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((m: Value) => (isMap(m) ? [toMessage(m)] : []));
}

function toMessage(m: Props): ChatMessage {
  const content = m["content"] ?? "";
  return { role: String(m["role"]), content, metadata: toMeta(m["metadata"]), options: toOptions(m["options"]) };
}

function toMeta(v: Value | undefined): ChatMeta | null {
  if (!isMap(v)) return null;
  const meta: ChatMeta = {};
  for (const key of ["title", "status", "log"] as const) if (typeof v[key] === "string") meta[key] = v[key];
  for (const key of ["id", "parent_id"] as const) if (v[key] !== undefined && v[key] !== null) meta[key] = String(v[key]);
  if (typeof v["duration"] === "number") meta.duration = v["duration"];
  return meta;
}

function toOptions(v: Value | undefined): ChatOption[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((o: Value) => (isMap(o) && typeof o["value"] === "string" ? [{ value: o["value"], label: String(o["label"] ?? o["value"]) }] : []));
}

/** A message back in its wire form (what the page sends after an edit or a restore). */
export function toWire(m: ChatMessage): Value {
  const wire: Record<string, Value> = { role: m.role, content: m.content };
  if (m.metadata !== null) wire["metadata"] = { ...m.metadata };
  if (m.options.length > 0) wire["options"] = m.options.map((o) => ({ ...o }));
  return wire;
}

/** The largest history the page sends back at once (a frame holds 16 MiB). */
export const MAX_HISTORY_BYTES = 12 * 1024 * 1024;

/**
 * Messages in wire form for the server, within `budget` bytes of files: the newest files are
 * kept, older ones (past the budget) go back as their name only, so an edit or a switch of a
 * long conversation with pictures never exceeds one frame.
 */
export function toPageValue(messages: readonly ChatMessage[], budget = MAX_HISTORY_BYTES): Value[] {
  let left = budget;
  const wire: Value[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i] as ChatMessage;
    const size = bytesIn(m.content);
    if (size > 0 && size > left) wire.push(toWire({ ...m, content: `📎 ${fileName(m.content)}` }));
    else wire.push(toWire(m));
    left -= Math.min(size, left);
  }
  return wire.reverse();
}

function bytesIn(v: Value): number {
  if (v instanceof Uint8Array) return v.length;
  if (Array.isArray(v)) return v.reduce((n: number, x: Value) => n + bytesIn(x), 0);
  if (isMap(v)) return Object.values(v as Record<string, Value>).reduce((n: number, x) => n + bytesIn(x), 0);
  return 0;
}

function fileName(v: Value): string {
  const file = isMap(v) && isMap(v["file"]) ? (v["file"] as Record<string, Value>) : null;
  return file !== null && typeof file["name"] === "string" ? file["name"] : "attachment";
}

export function textOf(m: ChatMessage): string | null {
  return typeof m.content === "string" ? m.content : null;
}

export function sameMessage(a: ChatMessage | undefined, b: ChatMessage | undefined): boolean {
  if (a === undefined || b === undefined || a.role !== b.role) return false;
  if (JSON.stringify(a.metadata) !== JSON.stringify(b.metadata)) return false;
  if (JSON.stringify(a.options) !== JSON.stringify(b.options)) return false;
  return sameValue(a.content, b.content);
}

/** Deep equality of two wire values (bytes compared byte by byte). */
export function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x: Value, i) => sameValue(x, b[i]));
  }
  if (isMap(a) && isMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

// gr.DeepLinkButton's link: this page's address with the inputs a person set (text, numbers,
// choices, ...: the kept types, ui/kept.ts) in `?deep_link=`, as base64url JSON of
// [[id, type, value], ...]. The values travel in the link itself: the server stores nothing,
// and no session id is in it (opening the link starts a new session, set from these values).

import type { Value } from "../protocol/messages";
import { KEPT_TYPES } from "./kept";

export const DEEP_LINK = "deep_link";
/** A link longer than this is cut to the values that fit (browsers and servers refuse more). */
export const MAX_LINK = 8000;

export type Linked = readonly [id: string, type: string, value: Value];

/** `href` with `values` in its query (those that fit in MAX_LINK characters, in order). */
export function linkWith(href: string, values: readonly Linked[]): string {
  const url = new URL(href);
  url.searchParams.delete(DEEP_LINK);
  const kept: Linked[] = [];
  for (const item of values) {
    if (!KEPT_TYPES.has(item[1])) continue;
    const trial = new URL(url);
    trial.searchParams.set(DEEP_LINK, encode([...kept, item]));
    if (trial.toString().length > MAX_LINK) continue;
    kept.push(item);
  }
  if (kept.length > 0) url.searchParams.set(DEEP_LINK, encode(kept));
  return url.toString();
}

/** The values a link carries (none when it has no deep_link or it does not decode). */
export function linkedValues(href: string): Linked[] {
  const text = new URL(href).searchParams.get(DEEP_LINK);
  if (text === null) return [];
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(text));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (x): x is Linked => Array.isArray(x) && x.length === 3 && typeof x[0] === "string" && typeof x[1] === "string" && KEPT_TYPES.has(x[1]),
    );
  } catch {
    return [];
  }
}

function encode(values: readonly Linked[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(values));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

// Typed reads of a component's props (docs/protocol.md, "Components"), with fallbacks.

import type { Props, Value } from "../protocol/messages";

export function str(props: Props, key: string): string | null {
  const v = props[key];
  return typeof v === "string" ? v : null;
}

export function num(props: Props, key: string): number | null {
  const v = props[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** A Gradio height or width: a number of pixels, or a CSS length as written ("50vh"). */
export function cssLength(props: Props, key: string): string | null {
  const v = props[key];
  if (typeof v === "number" && Number.isFinite(v)) return `${v}px`;
  return typeof v === "string" && v !== "" ? v : null;
}

export function bool(props: Props, key: string, fallback: boolean): boolean {
  const v = props[key];
  return typeof v === "boolean" ? v : fallback;
}

/** `elem_classes` as a list of class names (a string or a list of strings). */
export function classes(props: Props): string[] {
  const v: Value | undefined = props["elem_classes"];
  const list: readonly Value[] = typeof v === "string" ? [v] : Array.isArray(v) ? v : [];
  return list.flatMap((c) => (typeof c === "string" ? c.split(/\s+/).filter((x) => x !== "") : []));
}

/** Text for a value shown as text: strings as they are, nil as "", anything else printed. */
export function asText(v: Value | undefined): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : String(v);
}

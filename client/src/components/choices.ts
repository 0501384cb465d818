// A dropdown's `choices` prop: a list of [label, value] pairs (a bare value is its own label).

import type { Value } from "../protocol/messages";

export interface Choice { readonly label: string; readonly value: Value }

export function parseChoices(raw: Value | undefined): Choice[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((item: Value): Choice => {
    if (Array.isArray(item) && item.length === 2) {
      const pair: readonly Value[] = item;
      return { label: String(pair[0]), value: pair[1] ?? null };
    }
    return { label: String(item), value: item };
  });
}

// A progress event as the page shows it: the fraction clamped, and one line of text
// ("loading · 3/10 steps · 30% · 5s left"). Pure.

import type { Progress } from "../protocol/messages";
import type { ProgressInfo } from "./target";

export function progressInfo(e: Progress): ProgressInfo {
  return {
    fraction: typeof e.p === "number" ? Math.min(1, Math.max(0, e.p)) : null,
    msg: e.msg ?? "",
    index: e.i ?? null,
    total: e.n ?? null,
    unit: e.u ?? "steps",
    eta: e.eta ?? null,
  };
}

/** "3/10 steps · 42% · 5s left" */
export function progressText(p: ProgressInfo): string {
  const parts: string[] = [];
  if (p.msg !== "") parts.push(p.msg);
  if (p.index !== null && p.total !== null) parts.push(`${p.index}/${p.total} ${p.unit}`);
  else if (p.index !== null) parts.push(`${p.index} ${p.unit}`);
  if (p.fraction !== null) parts.push(`${Math.round(p.fraction * 100)}%`);
  if (p.eta !== null) parts.push(`${formatSeconds(p.eta)} left`);
  return parts.join(" · ");
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.max(0, Math.round(s))}s`;
  const m = Math.floor(s / 60);
  return `${m}m ${Math.round(s - m * 60)}s`;
}

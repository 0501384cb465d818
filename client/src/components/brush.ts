// A brushed x range of a native plot as Gradio's SelectData ({index, value, selected}):
// numbers for a quantitative axis, seconds since the epoch for a time axis (Gradio's unit),
// the categories covered for a nominal one. Pure, so it is tested without a page.

import type { Value } from "../protocol/messages";
import type { Chart, Layout } from "./chart";

/** The least drag, in pixels, that counts as a brush rather than a click. */
export const MIN_BRUSH_PX = 4;

export function brushRange(chart: Chart, layout: Layout, fromPx: number, toPx: number): Value | null {
  const { plot } = layout;
  const clamp = (v: number): number => Math.min(plot.right, Math.max(plot.left, v));
  const [a, b] = [clamp(Math.min(fromPx, toPx)), clamp(Math.max(fromPx, toPx))];
  if (b - a < MIN_BRUSH_PX) return null;
  const lo = layout.xAt(a);
  const hi = layout.xAt(b);
  if (typeof lo === "number" && typeof hi === "number") {
    const scale = chart.x.type === "temporal" ? 1 / 1000 : 1;
    const range = [lo * scale, hi * scale];
    return { index: range, value: range, selected: true };
  }
  const ticks = layout.xTicks.filter((t) => t.at >= a && t.at <= b).map((t) => t.text);
  const covered = ticks.length > 0 ? ticks : [String(lo)];
  return { index: [covered[0] ?? "", covered[covered.length - 1] ?? ""], value: covered, selected: true };
}

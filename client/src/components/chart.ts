// The pure part of nativeplot: a chart's wire columns → scales and marks (SVG path data,
// rectangles, dots) for a given size. No DOM here, so it is tested with plain numbers.

import { scaleBand, scaleLinear, scaleOrdinal, scalePoint, scaleUtc } from "d3-scale";
import { line } from "d3-shape";
import { isMap } from "../protocol/codec";
import type { Value } from "../protocol/messages";

export type ColumnType = "quantitative" | "temporal" | "nominal";
export interface Column {
  name: string;
  type: ColumnType;
  values: Value[];
}
export interface Chart {
  kind: "line" | "bar" | "scatter";
  x: Column;
  y: Column;
  color: Column | null;
  extra: Column[];
  tooltip: string[];
  title: string;
  xTitle: string;
  yTitle: string;
  /** Axis limits; a null end follows the data. */
  xLim: Limit | null;
  yLim: Limit | null;
  colorMap: Record<string, string>;
  /** The bin width when x was binned (x_bin): bars span [x, x + step]. */
  xStep: number | null;
}
export type Limit = [number | null, number | null];
export interface Tick {
  at: number;
  text: string;
}
export interface Mark {
  /** "path" (d), "rect" (x, y, w, h) or "dot" (x, y). */
  shape: "path" | "rect" | "dot";
  colour: string;
  row: number;
  d?: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Layout {
  /** A pixel across the plot → the x value there (a category for nominal axes). */
  xAt(px: number): Value;
  xTicks: Tick[];
  yTicks: Tick[];
  marks: Mark[];
  legend: [string, string][];
  plot: { left: number; top: number; right: number; bottom: number };
}

export const PALETTE = ["#3b82f6", "#f97316", "#22c55e", "#a855f7", "#ef4444", "#14b8a6", "#eab308", "#ec4899"];
const MARGIN = { left: 56, right: 16, top: 12, bottom: 40 };

function column(v: Value | undefined): Column | null {
  if (!isMap(v) || typeof v["name"] !== "string" || !Array.isArray(v["values"])) return null;
  const type = v["type"] === "temporal" || v["type"] === "nominal" ? v["type"] : "quantitative";
  return { name: v["name"], type, values: v["values"] };
}

function end(v: Value | undefined): number | null {
  return typeof v === "number" ? v : null;
}

function limit(v: Value | undefined): Limit | null {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const lim: Limit = [end(v[0]), end(v[1])];
  return lim[0] === null && lim[1] === null ? null : lim;
}

/** The limits with a null end taken from the data's extent. */
function within(lim: Limit | null, data: [number, number]): [number, number] {
  return lim === null ? data : [lim[0] ?? data[0], lim[1] ?? data[1]];
}

function text(v: Value | undefined): string {
  return typeof v === "string" ? v : "";
}

/** The wire value as a Chart, or null when it is not one. */
export function readChart(v: Value): Chart | null {
  if (!isMap(v)) return null;
  const x = column(v["x"]);
  const y = column(v["y"]);
  const kind = v["kind"];
  if (x === null || y === null || (kind !== "line" && kind !== "bar" && kind !== "scatter")) return null;
  const map = isMap(v["color_map"]) ? v["color_map"] : {};
  const colorMap = Object.fromEntries(Object.entries(map).filter((e): e is [string, string] => typeof e[1] === "string"));
  return {
    kind, x, y,
    color: column(v["color"]),
    extra: Array.isArray(v["extra"]) ? v["extra"].map(column).filter((c): c is Column => c !== null) : [],
    tooltip: Array.isArray(v["tooltip"]) ? v["tooltip"].filter((t): t is string => typeof t === "string") : [],
    title: text(v["title"]), xTitle: text(v["x_title"]), yTitle: text(v["y_title"]),
    xLim: limit(v["x_lim"]), yLim: limit(v["y_lim"]), colorMap,
    xStep: typeof v["x_step"] === "number" && v["x_step"] > 0 ? v["x_step"] : null,
  };
}

/** How a cell of a column reads in a tick or a tooltip. */
export function formatCell(c: Column, v: Value | undefined): string {
  if (v === null || v === undefined) return "–";
  if (c.type === "temporal" && typeof v === "number") return new Date(v).toISOString().replace("T", " ").replace(/(:00)?\.000Z$/, "").replace(/ 00:00$/, "");
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toPrecision(4).replace(/\.?0+$/, "");
  return String(v);
}

function numbers(values: Value[]): number[] {
  return values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

function extent(values: number[], fallback: [number, number]): [number, number] {
  if (values.length === 0) return fallback;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

interface XScale {
  at(v: Value | undefined): number | null;
  /** The value at a pixel (the nearest category on a nominal axis). */
  invert(px: number): Value;
  band: number;
  ticks: Tick[];
}

/** The category whose position is nearest `px`. */
function nearest(domain: string[], place: (d: string) => number, px: number): Value {
  let best: string | null = null;
  for (const d of domain) if (best === null || Math.abs(place(d) - px) < Math.abs(place(best) - px)) best = d;
  return best;
}

function xScale(chart: Chart, range: [number, number]): XScale {
  const c = chart.x;
  const binned = chart.xStep !== null && c.type !== "nominal";
  if (c.type === "nominal" || (chart.kind === "bar" && !binned)) {
    const domain = [...new Set(c.values.map((v) => formatCell(c, v)))];
    const original = new Map(c.values.map((v) => [formatCell(c, v), v] as const));
    const back = (d: Value): Value => (typeof d === "string" ? (original.get(d) ?? d) : d);
    if (chart.kind === "bar") {
      const s = scaleBand(domain, range).padding(0.2);
      const ticks = domain.map((d) => ({ at: (s(d) ?? 0) + s.bandwidth() / 2, text: d }));
      const invert = (px: number): Value => back(nearest(domain, (d) => (s(d) ?? 0) + s.bandwidth() / 2, px));
      return { at: (v) => s(formatCell(c, v)) ?? null, invert, band: s.bandwidth(), ticks };
    }
    const s = scalePoint(domain, range).padding(0.5);
    const invert = (px: number): Value => back(nearest(domain, (d) => s(d) ?? 0, px));
    return { at: (v) => s(formatCell(c, v)) ?? null, invert, band: 0, ticks: domain.map((d) => ({ at: s(d) ?? 0, text: d })) };
  }
  const step = binned ? (chart.xStep ?? 0) : 0;
  const data = numbers(c.values);
  const [lo, hi] = within(chart.xLim, extent(step > 0 && data.length > 0 ? [...data, Math.max(...data) + step] : data, [0, 1]));
  const bandOf = (px: (v: number) => number): number => (step > 0 ? Math.max(1, Math.abs(px(lo + step) - px(lo)) * 0.9) : 0);
  if (c.type === "temporal") {
    const s = scaleUtc([new Date(lo), new Date(hi)], range);
    const format = s.tickFormat(6);
    const at = (v: Value | undefined): number | null => (typeof v === "number" ? s(new Date(v)) : null);
    return { at, invert: (px) => s.invert(px).getTime(), band: bandOf((v) => s(new Date(v))), ticks: s.ticks(6).map((t) => ({ at: s(t), text: format(t) })) };
  }
  const s = scaleLinear([lo, hi], range);
  if (chart.xLim === null) s.nice();
  const format = s.tickFormat(6);
  const at = (v: Value | undefined): number | null => (typeof v === "number" ? s(v) : null);
  return { at, invert: (px) => s.invert(px), band: bandOf(s), ticks: s.ticks(6).map((t) => ({ at: s(t), text: format(t) })) };
}

/** Stacked bar tops: each row's [base, top] when bars of one x stack by colour. */
function stacks(chart: Chart): [number, number][] {
  const height = new Map<string, number>();
  return chart.y.values.map((v, i) => {
    const key = formatCell(chart.x, chart.x.values[i]);
    const base = height.get(key) ?? 0;
    const top = base + (typeof v === "number" ? v : 0);
    height.set(key, top);
    return [base, top];
  });
}

/** Scales, ticks and marks of a chart drawn in a width × height box. */
export function layoutChart(chart: Chart, width: number, height: number): Layout {
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const x = xScale(chart, [plot.left, plot.right]);
  const bars = chart.kind === "bar" ? stacks(chart) : null;
  const ys = bars === null ? numbers(chart.y.values) : bars.flat();
  const [lo, hi] = within(chart.yLim, extent(chart.kind === "bar" ? [0, ...ys] : ys, [0, 1]));
  const y = scaleLinear([lo, hi], [plot.bottom, plot.top]);
  if (chart.yLim === null) y.nice();
  const format = y.tickFormat(6);
  const yTicks = y.ticks(6).map((t) => ({ at: y(t), text: format(t) }));

  const groups = chart.color === null ? ["" ] : [...new Set(chart.color.values.map((v) => formatCell(chart.color as Column, v)))];
  const colours = scaleOrdinal<string, string>(groups, PALETTE);
  const colourOf = (g: string): string => chart.colorMap[g] ?? colours(g);
  const groupOf = (i: number): string => (chart.color === null ? "" : formatCell(chart.color, chart.color.values[i]));
  const marks: Mark[] = [];

  chart.x.values.forEach((xv, i) => {
    const px = x.at(xv);
    const yv = chart.y.values[i];
    if (px === null || typeof yv !== "number") return;
    const colour = colourOf(groupOf(i));
    if (bars !== null) {
      const [base, top] = bars[i] ?? [0, 0];
      const y0 = y(base);
      const y1 = y(top);
      marks.push({ shape: "rect", colour, row: i, x: px, y: Math.min(y0, y1), w: x.band, h: Math.abs(y0 - y1) });
    } else {
      marks.push({ shape: "dot", colour, row: i, x: px, y: y(yv), w: 0, h: 0 });
    }
  });
  if (chart.kind === "line") {
    const paths = groups.map((g) => {
      const points = marks.filter((m) => groupOf(m.row) === g).map((m): [number, number] => [m.x, m.y]);
      return { shape: "path" as const, colour: colourOf(g), row: -1, d: line()(points) ?? "", x: 0, y: 0, w: 0, h: 0 };
    });
    marks.unshift(...paths);
  }
  const legend: [string, string][] = chart.color === null ? [] : groups.map((g) => [g, colourOf(g)]);
  return { xAt: x.invert, xTicks: x.ticks, yTicks, marks, legend, plot };
}

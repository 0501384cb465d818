// nativeplot: LinePlot / BarPlot / ScatterPlot drawn as SVG from the chart's columns
// (chart.ts lays it out); a legend of colour groups, a tooltip of the row under the pointer,
// colours of text and axes from the theme, so dark mode follows. Redrawn when its width changes.
// With a .select listener a drag across the plot brushes an x range (sent as Gradio's
// SelectData: index = value = [low, high], seconds on a time axis); a double click is sent too.

import type { Props, Value } from "../protocol/messages";
import { type Chart, formatCell, type Layout, layoutChart, readChart } from "./chart";
import { brushRange } from "./brush";
import { el, setText } from "./dom";
import { num, str } from "./props";
import { ComponentView, type ViewContext } from "./view";

const SVG = "http://www.w3.org/2000/svg";
/** Properties that change only how the value is drawn: the server sends the value again. */
const CHART_PROPS = new Set(["x", "y", "color", "title", "x_title", "y_title", "x_lim", "y_lim", "color_map", "x_bin", "y_aggregate", "sort", "tooltip"]);
let clipIds = 0;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export class NativePlotView extends ComponentView {
  private readonly box: HTMLElement;
  private readonly title: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly tip: HTMLElement;
  private readonly caption: HTMLElement;
  private chart: Chart | null = null;
  private layout: Layout | null = null;
  private drawnWidth = 0;
  private brushFrom: number | null = null;
  private brushRect: SVGRectElement | null = null;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "nativeplot", props, ctx);
    this.box = el("div", "rx-nativeplot");
    this.title = el("div", "rx-chart-title");
    this.legend = el("div", "rx-legend");
    this.canvas = el("div", "rx-chart-canvas");
    this.tip = el("div", "rx-chart-tip");
    this.tip.hidden = true;
    this.caption = el("div", "rx-info");
    setText(this.caption, str(props, "caption") ?? "");
    this.canvas.append(this.tip);
    this.box.append(this.title, this.legend, this.canvas, this.caption);
    this.mount(this.box);
    new ResizeObserver(() => {
      if (this.canvas.clientWidth !== this.drawnWidth) this.draw();
    }).observe(this.canvas);
    this.update(props["value"] ?? null);
  }

  update(v: Value): void {
    this.chart = readChart(v);
    this.draw();
  }

  override setProps(p: Props): void {
    const rest = Object.fromEntries(Object.entries(p).filter(([k]) => !CHART_PROPS.has(k)));
    if (Object.keys(rest).length > 0) super.setProps(rest);
  }

  private listens(event: string): boolean {
    const events = this.props["events"];
    return Array.isArray(events) && events.includes(event);
  }

  private draw(): void {
    const chart = this.chart;
    this.canvas.querySelector("svg")?.remove();
    this.tip.hidden = true;
    this.box.dataset["kind"] = chart?.kind ?? "";
    setText(this.title, chart?.title ?? "");
    this.title.hidden = !chart?.title;
    if (chart === null) return void this.legend.replaceChildren();
    const width = Math.max(200, this.canvas.clientWidth || 560);
    const height = num(this.props, "height") ?? 300;
    this.drawnWidth = this.canvas.clientWidth;
    const layout = layoutChart(chart, width, height);
    this.layout = layout;
    this.legend.replaceChildren(...layout.legend.map(([name, colour]) => {
      const item = el("span", "rx-legend-item", name);
      item.style.setProperty("--rx-span", colour);
      return item;
    }));
    this.legend.hidden = layout.legend.length === 0;
    const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
    root.setAttribute("aria-label", chart.title || `${chart.kind} plot of ${chart.y.name} by ${chart.x.name}`);
    const clip = `rx-plot-clip-${++clipIds}`;
    const { plot } = layout;
    const clipPath = svg("clipPath", { id: clip });
    clipPath.append(svg("rect", { x: plot.left, y: plot.top - 4, width: plot.right - plot.left, height: plot.bottom - plot.top + 8 }));
    const drawn = marks(layout);
    drawn.setAttribute("clip-path", `url(#${clip})`);
    root.append(clipPath, axes(chart, layout, height), drawn);
    root.addEventListener("pointermove", (e) => this.hover(e));
    root.addEventListener("pointerleave", () => (this.tip.hidden = true));
    if (this.listens("select")) this.brushable(root);
    root.addEventListener("dblclick", () => this.listens("double_click") && this.ctx.trigger(this.id, "double_click"));
    this.canvas.prepend(root);
  }

  /** A drag across the plot draws a band; letting go sends its x range as a select. */
  private brushable(root: SVGSVGElement): void {
    root.classList.add("rx-brushable");
    const x = (e: PointerEvent): number => e.clientX - root.getBoundingClientRect().left;
    root.addEventListener("pointerdown", (e) => {
      if (e.button !== 0 || this.layout === null) return;
      this.brushFrom = x(e);
      root.setPointerCapture(e.pointerId);
    });
    root.addEventListener("pointermove", (e) => {
      if (this.brushFrom === null || this.layout === null) return;
      const { plot } = this.layout;
      const [a, b] = [this.brushFrom, x(e)].map((v) => Math.min(plot.right, Math.max(plot.left, v))) as [number, number];
      if (this.brushRect === null) {
        this.brushRect = svg("rect", { class: "rx-brush", y: plot.top, height: plot.bottom - plot.top });
        root.append(this.brushRect);
      }
      this.brushRect.setAttribute("x", String(Math.min(a, b)));
      this.brushRect.setAttribute("width", String(Math.abs(b - a)));
    });
    root.addEventListener("pointerup", (e) => {
      const from = this.brushFrom;
      this.brushFrom = null;
      this.brushRect?.remove();
      this.brushRect = null;
      if (from === null || this.layout === null || this.chart === null) return;
      const range = brushRange(this.chart, this.layout, from, x(e));
      if (range !== null) this.ctx.trigger(this.id, "select", range);
    });
  }

  private hover(e: PointerEvent): void {
    const target = e.target instanceof Element ? e.target.closest("[data-row]") : null;
    const chart = this.chart;
    if (target === null || chart === null || chart.tooltip.length === 0) return void (this.tip.hidden = true);
    const row = Number(target.getAttribute("data-row"));
    const columns = [chart.x, chart.y, ...(chart.color ? [chart.color] : []), ...chart.extra];
    const lines = chart.tooltip.flatMap((name) => {
      const c = columns.find((col) => col.name === name);
      return c === undefined ? [] : [el("div", undefined, `${name}: ${formatCell(c, c.values[row])}`)];
    });
    this.tip.replaceChildren(...lines);
    const box = this.canvas.getBoundingClientRect();
    this.tip.style.left = `${e.clientX - box.left + 12}px`;
    this.tip.style.top = `${e.clientY - box.top + 12}px`;
    this.tip.hidden = false;
  }
}

function axes(chart: Chart, layout: Layout, height: number): SVGGElement {
  const { plot } = layout;
  const g = svg("g", { class: "rx-axes" });
  for (const t of layout.yTicks) {
    g.append(svg("line", { class: "rx-grid-line", x1: plot.left, x2: plot.right, y1: t.at, y2: t.at }));
    const label = svg("text", { x: plot.left - 6, y: t.at, "text-anchor": "end", "dominant-baseline": "middle" });
    label.textContent = t.text;
    g.append(label);
  }
  g.append(svg("line", { class: "rx-axis-line", x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom }));
  for (const t of layout.xTicks) {
    g.append(svg("line", { class: "rx-axis-line", x1: t.at, x2: t.at, y1: plot.bottom, y2: plot.bottom + 4 }));
    const label = svg("text", { x: t.at, y: plot.bottom + 16, "text-anchor": "middle" });
    label.textContent = t.text;
    g.append(label);
  }
  const xTitle = svg("text", { class: "rx-axis-title", x: (plot.left + plot.right) / 2, y: height - 4, "text-anchor": "middle" });
  xTitle.textContent = chart.xTitle;
  const yTitle = svg("text", { class: "rx-axis-title", x: 0, y: 0, "text-anchor": "middle", transform: `translate(12 ${(plot.top + plot.bottom) / 2}) rotate(-90)` });
  yTitle.textContent = chart.yTitle;
  g.append(xTitle, yTitle);
  return g;
}

function marks(layout: Layout): SVGGElement {
  const g = svg("g", { class: "rx-marks" });
  for (const m of layout.marks) {
    if (m.shape === "path") g.append(svg("path", { d: m.d ?? "", fill: "none", stroke: m.colour, "stroke-width": 2 }));
    else if (m.shape === "rect") g.append(svg("rect", { x: m.x, y: m.y, width: m.w, height: m.h, fill: m.colour, "data-row": m.row }));
    else g.append(svg("circle", { cx: m.x, cy: m.y, r: 4, fill: m.colour, "data-row": m.row }));
  }
  return g;
}

// highlightedtext: [[text, label | score | null], ...] as <mark> spans, each label in its
// colour (color_map, else one from a fixed palette in order of first use), an optional legend;
// a number label in [-1, 1] is an intensity: red for positive, blue for negative.

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { bool } from "./props";
import { ComponentView, type ViewContext } from "./view";

const PALETTE = ["#f97316", "#22c55e", "#3b82f6", "#a855f7", "#eab308", "#ec4899", "#14b8a6", "#ef4444"];

export class HighlightedTextView extends ComponentView {
  private readonly text: HTMLElement;
  private readonly legend: HTMLElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "highlightedtext", props, ctx);
    const box = el("div");
    this.legend = el("div", "rx-legend");
    this.text = el("div", "rx-highlighted");
    box.append(this.legend, this.text);
    this.mount(box);
    this.update(props["value"] ?? null);
  }

  update(v: Value): void {
    const spans = Array.isArray(v) ? v.filter(Array.isArray) : [];
    const colours = this.colours(spans);
    const inline = bool(this.props, "show_inline_category", true);
    this.text.replaceChildren(...spans.map(([text, category]) => span(String(text ?? ""), category ?? null, colours, inline)));
    const names = [...colours.keys()];
    this.legend.hidden = !bool(this.props, "show_legend", false) || names.length === 0;
    this.legend.replaceChildren(...names.map((n) => chip(n, colours.get(n) ?? "")));
  }

  /** Each string label's colour: color_map's, else the next palette colour. */
  private colours(spans: Value[][]): Map<string, string> {
    const given = isMap(this.props["color_map"]) ? this.props["color_map"] : {};
    const out = new Map<string, string>();
    for (const [, category] of spans) {
      if (typeof category !== "string" || out.has(category)) continue;
      const colour = given[category];
      out.set(category, typeof colour === "string" ? colour : (PALETTE[out.size % PALETTE.length] ?? "#888"));
    }
    return out;
  }
}

function span(text: string, category: Value, colours: Map<string, string>, inline: boolean): Node {
  if (category === null) return document.createTextNode(text);
  const mark = el("mark", "rx-span", text);
  if (typeof category === "number") {
    const strength = Math.min(1, Math.abs(category));
    const rgb = category >= 0 ? "239, 68, 68" : "59, 130, 246";
    mark.style.background = `rgba(${rgb}, ${strength.toFixed(3)})`;
    mark.dataset["score"] = String(category);
    return mark;
  }
  const label = String(category);
  mark.dataset["label"] = label;
  mark.style.setProperty("--rx-span", colours.get(label) ?? "#888");
  if (inline) mark.append(el("span", "rx-span-label", label));
  return mark;
}

function chip(name: string, colour: string): HTMLElement {
  const item = el("span", "rx-span rx-legend-item", name);
  item.style.setProperty("--rx-span", colour);
  return item;
}

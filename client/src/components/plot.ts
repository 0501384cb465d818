// plot: {kind: "image", mime, data, w, h} as an <img>; {kind: "plotly" | "vega", spec} drawn by
// plotly.js or vega-embed, loaded on first use (the page's own copy when it has one); when they
// cannot be loaded (offline), the spec is shown as JSON.

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { toImage } from "./imageValue";
import { jsonText } from "./jsonText";
import { ObjectUrl } from "./objectUrl";
import { ComponentView, type ViewContext } from "./view";

const SCRIPTS: Record<string, readonly string[]> = {
  plotly: ["https://cdn.plot.ly/plotly-2.35.2.min.js"],
  vega: [
    "https://cdn.jsdelivr.net/npm/vega@5",
    "https://cdn.jsdelivr.net/npm/vega-lite@5",
    "https://cdn.jsdelivr.net/npm/vega-embed@6",
  ],
};
const loading = new Map<string, Promise<void>>();

type Renderer = (box: HTMLElement, spec: Value) => Promise<void>;
const globals = globalThis as unknown as {
  Plotly?: { react(box: HTMLElement, data: unknown, layout: unknown): Promise<unknown> };
  vegaEmbed?: (box: HTMLElement, spec: unknown) => Promise<unknown>;
};

const RENDERERS: Record<string, Renderer> = {
  plotly: async (box, spec) => {
    const s = isMap(spec) ? spec : {};
    await globals.Plotly?.react(box, s["data"], s["layout"]);
  },
  vega: async (box, spec) => {
    await globals.vegaEmbed?.(box, spec);
  },
};

export class PlotView extends ComponentView {
  private readonly box: HTMLDivElement;
  private readonly url = new ObjectUrl();

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "plot", props, ctx);
    this.box = el("div", "rx-plot");
    this.mount(this.box);
    this.update(props["value"] ?? null);
  }

  update(v: Value): void {
    const kind = isMap(v) && typeof v["kind"] === "string" ? v["kind"] : null;
    if (kind === "image") return this.image(v);
    this.url.clear();
    if (kind === null || !isMap(v)) return this.box.replaceChildren();
    const render = RENDERERS[kind];
    const target = el("div", "rx-chart");
    this.box.replaceChildren(target);
    if (render === undefined) return void target.append(el("pre", undefined, jsonText(v)));
    load(kind)
      .then(() => render(target, v["spec"] ?? null))
      .catch(() => target.replaceChildren(el("pre", undefined, `${kind} could not be loaded; the chart's spec:\n${jsonText(v["spec"] ?? null)}`)));
  }

  override dispose(): void {
    this.url.clear();
  }

  private image(v: Value): void {
    const image = toImage(v);
    if (image === null) return;
    const img = el("img");
    img.alt = "plot";
    img.classList.toggle("rx-adapt", isMap(v) && v["adapt"] === true);
    img.src = this.url.set(new Blob([image.data as Uint8Array<ArrayBuffer>], { type: image.mime }));
    this.box.replaceChildren(img);
  }
}

function load(kind: string): Promise<void> {
  if ((kind === "plotly" && globals.Plotly) || (kind === "vega" && globals.vegaEmbed)) return Promise.resolve();
  let promise = loading.get(kind);
  if (promise === undefined) {
    promise = (SCRIPTS[kind] ?? []).reduce((chain, src) => chain.then(() => script(src)), Promise.resolve());
    loading.set(kind, promise);
  }
  return promise;
}

function script(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const tag = document.createElement("script");
    tag.src = src;
    tag.onload = () => resolve();
    tag.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(tag);
  });
}

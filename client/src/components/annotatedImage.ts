// annotatedimage: a picture with masks (PNGs in their colors, laid over it) and boxes (frames
// placed in percent of the picture), and a legend of the labels. A click on a label or a box
// sends select {index: the annotation's, value: its label} when a listener waits for it.

import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { toImage } from "./imageValue";
import { ObjectUrl } from "./objectUrl";
import { isMap } from "../protocol/codec";
import { bool, cssLength } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class AnnotatedImageView extends ComponentView {
  private readonly stage: HTMLElement;
  private readonly base: HTMLImageElement;
  private readonly legend: HTMLElement;
  private urls: ObjectUrl[] = [];

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "annotatedimage", props, ctx);
    this.stage = el("div", "rx-annotated-stage");
    this.base = el("img", "rx-annotated-base");
    this.base.alt = "";
    this.base.style.maxHeight = cssLength(props, "height") ?? "";
    this.base.style.maxWidth = cssLength(props, "width") ?? "";
    this.stage.append(this.base);
    this.legend = el("div", "rx-annotated-legend");
    const box = el("div");
    box.append(this.stage, this.legend);
    this.mount(box);
    this.show(props["value"]);
  }

  update(v: Value): void {
    this.show(v);
  }

  override dispose(): void {
    this.clearUrls();
  }

  private clearUrls(): void {
    for (const url of this.urls) url.clear();
    this.urls = [];
  }

  private blobUrl(v: Value | undefined): string | null {
    if (isMap(v) && typeof v["url"] === "string" && /^https?:\/\//.test(v["url"])) return v["url"];
    const image = toImage(v);
    if (image === null) return null;
    const url = new ObjectUrl();
    this.urls.push(url);
    return url.set(new Blob([image.data as Uint8Array<ArrayBuffer>], { type: image.mime }));
  }

  private show(v: Value | undefined): void {
    this.clearUrls();
    this.stage.replaceChildren(this.base);
    this.legend.replaceChildren();
    const src = isMap(v) ? this.blobUrl(v["image"]) : null;
    this.stage.hidden = src === null;
    if (src === null || !isMap(v)) return void this.base.removeAttribute("src");
    this.base.src = src;
    const notes = Array.isArray(v["annotations"]) ? v["annotations"] : [];
    const image = toImage(v["image"]);
    const place = (): void => this.draw(notes, image?.w ?? this.base.naturalWidth, image?.h ?? this.base.naturalHeight);
    if (image !== null && image.w !== null && image.w > 0) place();
    else this.base.addEventListener("load", place, { once: true });
  }

  private draw(notes: Value[], w: number | null, h: number | null): void {
    const seen = new Set<string>();
    notes.forEach((note, index) => {
      if (!isMap(note) || typeof note["label"] !== "string") return;
      const label = note["label"];
      const color = typeof note["color"] === "string" ? note["color"] : "#888";
      const shape = this.shape(note, color, w, h);
      if (shape !== null) {
        shape.dataset["label"] = label;
        shape.addEventListener("click", () => this.select(index, label));
        this.stage.append(shape);
      }
      if (bool(this.props, "show_legend", true) && !seen.has(label)) {
        seen.add(label);
        const item = el("button", "rx-annotated-label", label);
        item.type = "button";
        item.style.setProperty("--rx-label-color", color);
        item.addEventListener("click", () => this.select(index, label));
        this.legend.append(item);
      }
    });
  }

  private shape(note: Record<string, Value>, color: string, w: number | null, h: number | null): HTMLElement | null {
    const box = note["box"];
    if (Array.isArray(box) && box.length === 4 && w !== null && h !== null && w > 0 && h > 0) {
      const [x1, y1, x2, y2] = box.map(Number) as [number, number, number, number];
      const frame = el("div", "rx-annotated-box");
      frame.style.left = `${(x1 / w) * 100}%`;
      frame.style.top = `${(y1 / h) * 100}%`;
      frame.style.width = `${((x2 - x1) / w) * 100}%`;
      frame.style.height = `${((y2 - y1) / h) * 100}%`;
      frame.style.borderColor = color;
      return frame;
    }
    const src = this.blobUrl(note["mask"]);
    if (src === null) return null;
    const mask = el("img", "rx-annotated-mask");
    mask.alt = "";
    mask.src = src;
    return mask;
  }

  private select(index: number, label: string): void {
    const events = this.props["events"];
    if (Array.isArray(events) && events.includes("select")) this.ctx.trigger(this.id, "select", { index, value: label, selected: true });
  }
}

// gallery: a grid of images (each {mime, data, w, h, caption?} or {url, caption?}); a click
// opens the image in a full-size preview; Escape or a click closes it.

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { toImage } from "./imageValue";
import { num } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class GalleryView extends ComponentView {
  private readonly grid: HTMLElement;
  private urls: string[] = [];

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "gallery", props, ctx);
    this.grid = el("div", "rx-grid");
    const columns = num(props, "columns");
    if (columns !== null) this.grid.style.setProperty("--rx-columns", String(columns));
    this.mount(this.grid);
    this.update(props["value"] ?? []);
  }

  update(v: Value): void {
    this.release();
    const items = Array.isArray(v) ? v : [];
    this.grid.replaceChildren(...items.map((item, i) => this.figure(item, i)));
  }

  override dispose(): void {
    this.release();
  }

  private figure(item: Value, i: number): HTMLElement {
    const figure = el("figure", "rx-thumb");
    const img = el("img");
    img.alt = `image ${i + 1}`;
    img.loading = "lazy";
    const image = toImage(item);
    if (image !== null) {
      const url = URL.createObjectURL(new Blob([image.data as Uint8Array<ArrayBuffer>], { type: image.mime }));
      this.urls.push(url);
      img.src = url;
    } else if (isMap(item) && typeof item["url"] === "string") {
      img.src = item["url"];
    }
    figure.append(img);
    if (isMap(item) && typeof item["caption"] === "string") {
      figure.append(el("figcaption", undefined, item["caption"]));
      img.alt = item["caption"];
    }
    figure.tabIndex = 0;
    figure.addEventListener("click", () => preview(img.src, img.alt));
    figure.addEventListener("keydown", (e) => {
      if (e.key === "Enter") preview(img.src, img.alt);
    });
    return figure;
  }

  private release(): void {
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
  }
}

function preview(src: string, alt: string): void {
  const overlay = el("div", "rx-lightbox");
  overlay.setAttribute("role", "dialog");
  overlay.tabIndex = -1;
  const img = el("img");
  img.src = src;
  img.alt = alt;
  overlay.append(img);
  const close = (): void => overlay.remove();
  overlay.addEventListener("click", close);
  overlay.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close();
  });
  document.body.append(overlay);
  overlay.focus();
}

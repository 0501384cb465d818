// gallery: a grid of images (each {mime, data, w, h, caption?} or {url, caption?}) and videos
// (a video/* mime, or a URL of a film: drawn as a muted <video>); a click selects an item
// (data-selected; the select event belongs in select()) and opens it in a full-size preview
// (preview_open / preview_close are sent when a listener waits for them); Escape or a click
// closes it. When interactive, a drop zone adds pictures ({mime, data, name}) and a × removes
// one; each change sends the whole list.

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import { el, highlightDrops } from "./dom";
import { MAX_UPLOAD_BYTES, toImage } from "./imageValue";
import { bool, num } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class GalleryView extends ComponentView {
  private readonly grid: HTMLElement;
  private urls: string[] = [];
  private items: Value[] = [];
  private selected: number | null = null;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "gallery", props, ctx);
    this.grid = el("div", "rx-grid");
    const columns = num(props, "columns");
    if (columns !== null) this.grid.style.setProperty("--rx-columns", String(columns));
    this.mount(this.grid);
    if (this.editable) this.addPicker();
    this.update(props["value"] ?? []);
  }

  /** The person edits this gallery (interactive=True given): uploads and removals. */
  private get editable(): boolean {
    return this.props["interactive"] === true;
  }

  update(v: Value): void {
    this.items = Array.isArray(v) ? [...v] : [];
    this.selected = null;
    this.draw();
    if (this.editable) this.ctx.reset(this.id, [...this.items]);
  }

  override current(): Value | undefined {
    return this.editable ? [...this.items] : undefined;
  }

  private draw(): void {
    this.release();
    this.grid.replaceChildren(...this.items.map((item, i) => this.figure(item, i)));
  }

  /** A click on image i: marks it; Gradio's select event (gr.SelectData) starts from here. */
  protected select(i: number): void {
    this.selected = i;
    [...this.grid.children].forEach((f, k) => f.toggleAttribute("data-selected", k === i));
  }

  private addPicker(): void {
    const zone = el("label", "rx-drop", "Drop pictures here or click to upload");
    const input = el("input");
    input.type = "file";
    input.accept = "image/*";
    input.multiple = true;
    input.id = `${this.id}--control`;
    zone.append(input);
    input.addEventListener("change", () => void this.add([...(input.files ?? [])]).then(() => (input.value = "")));
    highlightDrops(zone, (f) => void this.add([f]));
    this.grid.after(zone);
  }

  private async add(files: File[]): Promise<void> {
    const big = files.find((f) => f.size > MAX_UPLOAD_BYTES);
    if (big !== undefined) return this.showLocalError(`${big.name} is larger than 16 MiB`);
    for (const file of files) {
      this.items.push({ mime: file.type || "application/octet-stream", data: new Uint8Array(await file.arrayBuffer()), name: file.name });
    }
    this.draw();
    this.changed([...this.items]);
  }

  override dispose(): void {
    this.release();
  }

  private source(item: Value): string {
    const image = toImage(item);
    if (image !== null) {
      const url = URL.createObjectURL(new Blob([image.data as Uint8Array<ArrayBuffer>], { type: image.mime }));
      this.urls.push(url);
      return url;
    }
    return isMap(item) && typeof item["url"] === "string" ? item["url"] : "";
  }

  private listens(event: string): boolean {
    const events = this.props["events"];
    return Array.isArray(events) && events.includes(event);
  }

  private figure(item: Value, i: number): HTMLElement {
    const figure = el("figure", "rx-thumb");
    const film = isVideo(item);
    const media = film ? el("video") : el("img");
    const caption = isMap(item) && typeof item["caption"] === "string" ? item["caption"] : null;
    const alt = caption ?? `${film ? "video" : "image"} ${i + 1}`;
    if (media instanceof HTMLImageElement) {
      media.alt = alt;
      media.loading = "lazy";
    } else {
      media.muted = true;
      media.preload = "metadata";
      media.setAttribute("aria-label", alt);
    }
    media.src = this.source(item);
    figure.append(media);
    if (caption !== null) figure.append(el("figcaption", undefined, caption));
    figure.tabIndex = 0;
    const open = (): void => {
      this.select(i);
      if (!bool(this.props, "allow_preview", true)) return;
      if (this.listens("preview_open")) this.ctx.trigger(this.id, "preview_open", { index: i, value: caption });
      preview(media.src, alt, film, () => this.listens("preview_close") && this.ctx.trigger(this.id, "preview_close"));
    };
    figure.addEventListener("click", open);
    figure.addEventListener("keydown", (e) => {
      if (e.key === "Enter") open();
    });
    if (this.editable) figure.append(this.remover(i));
    if (this.selected === i) figure.setAttribute("data-selected", "");
    return figure;
  }

  private remover(i: number): HTMLButtonElement {
    const remove = el("button", "rx-thumb-remove", "×");
    remove.type = "button";
    remove.setAttribute("aria-label", `remove image ${i + 1}`);
    remove.addEventListener("click", (e) => {
      e.stopPropagation();
      this.items.splice(i, 1);
      this.draw();
      this.changed([...this.items]);
    });
    return remove;
  }

  private release(): void {
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
  }
}

const FILM = /\.(mp4|webm|mov|ogv|ogg|m4v|mkv|avi)(\?.*)?$/i;

/** A gallery item that is a film: a video/* mime, or a URL ending in a film's extension. */
export function isVideo(item: Value): boolean {
  if (!isMap(item)) return false;
  if (typeof item["mime"] === "string") return item["mime"].startsWith("video/");
  return typeof item["url"] === "string" && FILM.test(item["url"]);
}

function preview(src: string, alt: string, film: boolean, closed: () => void): void {
  const overlay = el("div", "rx-lightbox");
  overlay.setAttribute("role", "dialog");
  overlay.tabIndex = -1;
  if (film) {
    const video = el("video");
    video.src = src;
    video.controls = true;
    video.autoplay = true;
    video.setAttribute("aria-label", alt);
    video.addEventListener("click", (e) => e.stopPropagation()); // its controls, not a close
    overlay.append(video);
  } else {
    const img = el("img");
    img.src = src;
    img.alt = alt;
    overlay.append(img);
  }
  const close = (): void => {
    overlay.remove();
    closed();
  };
  overlay.addEventListener("click", close);
  overlay.addEventListener("keydown", (e) => {
    if (e.key === "Escape") close();
  });
  document.body.append(overlay);
  overlay.focus();
}

// imageslider: two pictures over each other, the second shown right of a divide the person
// drags (a range input over the pictures). Value [image, image] (either nil); when
// interactive and empty, a picker whose picture is sent as [{mime, data, name}, nil].

import type { Props, Value } from "../protocol/messages";
import { el, highlightDrops } from "./dom";
import { MAX_UPLOAD_BYTES, toImage } from "./imageValue";
import { ObjectUrl } from "./objectUrl";
import { isMap } from "../protocol/codec";
import { num } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class ImageSliderView extends ComponentView {
  private readonly stage: HTMLElement;
  private readonly imgs: [HTMLImageElement, HTMLImageElement];
  private readonly urls = [new ObjectUrl(), new ObjectUrl()];
  private readonly range: HTMLInputElement;
  private readonly zone: HTMLElement | null = null;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "imageslider", props, ctx);
    this.stage = el("div", "rx-slider-stage");
    this.imgs = [el("img", "rx-slider-before"), el("img", "rx-slider-after")];
    for (const img of this.imgs) img.alt = "";
    const maxHeight = num(props, "max_height");
    if (maxHeight !== null) this.imgs[0].style.maxHeight = `${maxHeight}px`;
    this.range = el("input", "rx-slider-range");
    this.range.type = "range";
    this.range.min = "0";
    this.range.max = "100";
    this.range.step = "0.1";
    this.range.setAttribute("aria-label", "Divide between the two pictures");
    this.range.addEventListener("input", () => this.place(Number(this.range.value)));
    this.stage.append(...this.imgs, this.range);
    const box = el("div"); // the stage is as wide as its picture, not the component
    box.append(this.stage);
    this.mount(box);
    this.place(num(props, "slider_position") ?? 50);
    if (this.interactive) this.zone = this.addPicker();
    this.show(props["value"]);
  }

  private place(percent: number): void {
    this.range.value = String(percent);
    this.imgs[1].style.clipPath = `inset(0 0 0 ${percent}%)`;
    this.stage.style.setProperty("--rx-divide", `${percent}%`);
  }

  private addPicker(): HTMLElement {
    const zone = el("label", "rx-drop", "Drop an image here, or click to upload");
    const file = el("input");
    file.type = "file";
    file.accept = "image/*";
    zone.append(file);
    file.addEventListener("change", () => void this.pick(file.files?.[0] ?? null));
    highlightDrops(zone, (f) => void this.pick(f));
    this.stage.after(zone);
    return zone;
  }

  private async pick(file: File | null): Promise<void> {
    if (file === null) return;
    if (file.size > MAX_UPLOAD_BYTES) return this.showLocalError(`${file.name} is larger than 16 MiB`);
    const data = new Uint8Array(await file.arrayBuffer());
    this.showOne(0, file);
    this.showOne(1, null);
    this.changed([{ mime: file.type || "application/octet-stream", data, name: file.name }, null]);
  }

  update(v: Value): void {
    this.show(v);
    this.ctx.reset(this.id, v);
  }

  override setProps(p: Props): void {
    if ("slider_position" in p && typeof p["slider_position"] === "number") this.place(p["slider_position"]);
    const rest = Object.fromEntries(Object.entries(p).filter(([k]) => k !== "slider_position"));
    super.setProps(rest);
  }

  override dispose(): void {
    for (const url of this.urls) url.clear();
  }

  private show(v: Value | undefined): void {
    const pair = Array.isArray(v) ? v : [null, null];
    this.imgs.forEach((_, i) => {
      const item = pair[i];
      if (isMap(item) && typeof item["url"] === "string" && /^https?:\/\//.test(item["url"])) {
        this.urls[i]!.clear();
        this.imgs[i]!.src = item["url"];
        this.imgs[i]!.hidden = false;
        return;
      }
      const image = toImage(item);
      this.showOne(i, image === null ? null : new Blob([image.data as Uint8Array<ArrayBuffer>], { type: image.mime }));
    });
  }

  private showOne(i: number, blob: Blob | null): void {
    const img = this.imgs[i]!;
    if (blob === null) {
      this.urls[i]!.clear();
      img.removeAttribute("src");
    } else img.src = this.urls[i]!.set(blob);
    img.hidden = blob === null;
    const empty = this.imgs[0].hidden && this.imgs[1].hidden;
    this.stage.hidden = empty;
    if (this.zone !== null) this.zone.hidden = !empty;
  }
}

// image: <img class="rx-value"> showing each picture once it is decoded off screen
// (decodedSwap.ts), or a {url}; when interactive, a file picker and drop zone (which also takes
// a pasted image) that send {mime, data, name}, and a clear button that sends nil. The zone
// shows while there is no image, the one Clear while there is.

import type { Props, StreamChunk, StreamEnd, Value } from "../protocol/messages";
import { el, highlightDrops } from "./dom";
import { MAX_UPLOAD_BYTES, toImage } from "./imageValue";
import { DecodedSwap, type SwapHost } from "./decodedSwap";
import { isMap } from "../protocol/codec";
import { bool, num } from "./props";
import { ComponentView, type ViewContext } from "./view";
import { captureOptions, LiveCapture } from "../media/liveCapture";

export class ImageView extends ComponentView {
  private readonly img: HTMLImageElement;
  private readonly pictures: DecodedSwap<Picture>;
  private capture: LiveCapture | null = null;
  private picker: { zone: HTMLElement; clear: HTMLButtonElement } | null = null;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "image", props, ctx);
    this.img = el("img");
    this.img.alt = "";
    this.pictures = new DecodedSwap<Picture>(pictureHost(this.img));
    const height = num(props, "height");
    if (height !== null) this.img.style.maxHeight = `${height}px`;
    this.mount(this.img);
    this.show(props["value"]);
    if (bool(props, "interactive", false) && bool(props, "streaming", false)) {
      // A streaming webcam input: the live picture instead of a picture of its own.
      const send = (m: StreamChunk | StreamEnd): boolean => ctx.stream?.(m) ?? false;
      this.capture = new LiveCapture(id, "webcam", captureOptions(props, send, () => this.clearServerError()));
      this.img.before(this.capture.root);
      this.img.hidden = true;
    } else if (bool(props, "interactive", false)) this.addPicker();
  }

  /** An error naming this input ends a stream it is capturing (the server ended it). */
  override showServerError(msg: string): void {
    this.capture?.halt(); // the error line says why
    super.showServerError(msg);
  }

  update(v: Value): void {
    this.show(v);
    this.ctx.reset(this.id, v);
  }

  override dispose(): void {
    this.capture?.dispose();
    this.pictures.clear();
  }

  private show(v: Value | undefined): void {
    if (isMap(v) && typeof v["url"] === "string" && /^https?:\/\//.test(v["url"])) {
      this.pictures.clear();
      this.img.src = v["url"];
      this.img.hidden = false;
      this.img.removeAttribute("width");
      this.img.removeAttribute("height");
      return;
    }
    const image = toImage(v);
    if (image === null) return this.showBlob(null);
    this.showBlob(new Blob([image.data as Uint8Array<ArrayBuffer>], { type: image.mime }), image.w, image.h);
  }

  private showBlob(blob: Blob | null, w: number | null = null, h: number | null = null): void {
    if (blob === null) this.pictures.clear();
    else this.pictures.set({ blob, w, h });
    if (this.picker !== null) {
      this.picker.zone.hidden = blob !== null;
      this.picker.clear.hidden = blob === null;
    }
  }

  private addPicker(): void {
    const zone = el("label", "rx-drop", "Drop or paste an image here, or click to upload");
    const file = el("input");
    file.type = "file";
    file.accept = "image/*";
    file.id = `${this.id}--control`;
    zone.append(file);
    const clear = el("button", "rx-clear", "Clear");
    clear.type = "button";
    file.addEventListener("change", () => void this.pick(file.files?.[0] ?? null));
    clear.addEventListener("click", () => {
      file.value = "";
      this.showBlob(null);
      this.changed(null);
    });
    zone.tabIndex = -1;
    this.root.addEventListener("paste", (e) => {
      const item = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith("image/"));
      if (item === undefined) return;
      e.preventDefault();
      void this.pick(item);
    });
    highlightDrops(zone, (f) => void this.pick(f));
    this.img.after(zone, clear);
    this.picker = { zone, clear };
    clear.hidden = this.img.hidden;
    zone.hidden = !this.img.hidden;
  }

  private async pick(file: File | null): Promise<void> {
    if (file === null) return;
    if (file.size > MAX_UPLOAD_BYTES) return this.showLocalError(`${file.name} is larger than 16 MiB`);
    const data = new Uint8Array(await file.arrayBuffer());
    this.showBlob(file);
    this.changed({ mime: file.type || "application/octet-stream", data, name: file.name });
  }
}

interface Picture {
  blob: Blob;
  w: number | null;
  h: number | null;
}

/** The <img> side of a DecodedSwap: object URLs, decoding off screen, the swap. */
function pictureHost(img: HTMLImageElement): SwapHost<Picture> {
  return {
    url: (p: Picture): string => URL.createObjectURL(p.blob),
    revoke: (url: string): void => URL.revokeObjectURL(url),
    decode: (url: string): Promise<void> => {
      const probe = new Image();
      probe.src = url;
      return probe.decode();
    },
    show: (url: string, p: Picture): void => {
      img.src = url; // decoded already: shown in the next rendering
      img.hidden = false;
      if (p.w !== null && p.h !== null) {
        img.width = p.w;
        img.height = p.h;
      } else {
        img.removeAttribute("width");
        img.removeAttribute("height");
      }
    },
    clear: (): void => {
      img.removeAttribute("src");
      img.hidden = true;
    },
  };
}

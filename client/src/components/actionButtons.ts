// clearbutton: a button that empties the components in its `clears` ([[id, empty value]]) in
// the page, then sends its click. downloadbutton: a button whose value is a file
// ({name, mime, data}); a click saves it; disabled while there is none.

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import { el, setText } from "./dom";
import { downloadType } from "./downloadType";
import { asText, str } from "./props";
import { ComponentView, type ViewContext } from "./view";

function button(text: string, variant: string | null): HTMLButtonElement {
  const b = el("button", "rx-btn", text);
  b.type = "button";
  b.dataset["variant"] = variant ?? "secondary";
  return b;
}

export class ClearButtonView extends ComponentView {
  private readonly button: HTMLButtonElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "clearbutton", props, ctx);
    this.button = button(asText(props["value"]) || "Clear", str(props, "variant"));
    this.button.disabled = !this.interactive;
    this.button.addEventListener("click", () => {
      const clears = Array.isArray(props["clears"]) ? props["clears"] : [];
      for (const pair of clears) {
        if (Array.isArray(pair) && typeof pair[0] === "string") ctx.fill?.(pair[0], pair[1] ?? null);
      }
      ctx.trigger(id, "click");
    });
    this.label.hidden = true;
    this.mount(this.button);
  }

  update(v: Value): void {
    setText(this.button, asText(v));
  }
}

export class DownloadButtonView extends ComponentView {
  private readonly button: HTMLButtonElement;
  private file: Value = null;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "downloadbutton", props, ctx);
    this.button = button(str(props, "text") ?? "Download", str(props, "variant"));
    this.button.addEventListener("click", () => {
      this.save();
      ctx.trigger(id, "click");
    });
    this.label.hidden = true;
    this.mount(this.button);
    this.update(props["value"] ?? null);
  }

  update(v: Value): void {
    this.file = isMap(v) && v["data"] instanceof Uint8Array ? v : null;
    this.button.disabled = this.file === null || !this.interactive;
    this.button.title = isMap(this.file) && typeof this.file["name"] === "string" ? this.file["name"] : "";
  }

  private save(): void {
    const f = this.file;
    if (!isMap(f) || !(f["data"] instanceof Uint8Array)) return;
    const type = downloadType(typeof f["mime"] === "string" ? f["mime"] : "");
    const a = el("a");
    a.href = URL.createObjectURL(new Blob([f["data"] as Uint8Array<ArrayBuffer>], { type }));
    a.download = typeof f["name"] === "string" ? f["name"] : "download";
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 60_000); // after the browser has read it
  }
}

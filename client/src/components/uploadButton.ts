// uploadbutton: a button that opens the file picker. A click sends trigger "click"; the files
// chosen are sent as its value ({name, mime, data}, a list with file_count "multiple"), which
// the server's .upload listeners follow.

import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { acceptOf, readFiles } from "./fileRead";
import { str } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class UploadButtonView extends ComponentView {
  private readonly input: HTMLInputElement;
  private readonly multiple: boolean;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "uploadbutton", props, ctx);
    this.multiple = str(props, "file_count") === "multiple";
    const button = el("button", "rx-btn", str(props, "text") ?? "Upload a File");
    button.type = "button";
    button.dataset["variant"] = str(props, "variant") ?? "secondary";
    button.disabled = !this.interactive;
    const input = el("input");
    input.type = "file";
    input.hidden = true;
    input.multiple = this.multiple;
    input.accept = acceptOf(props["file_types"]);
    input.id = `${id}--control`;
    button.addEventListener("click", () => {
      ctx.trigger(id, "click");
      input.click();
    });
    input.addEventListener("change", () => void this.send([...(input.files ?? [])]));
    this.label.hidden = true;
    this.input = input;
    this.mount(button);
    button.after(input);
    ctx.reset(id, props["value"] ?? null);
  }

  update(v: Value): void {
    this.ctx.reset(this.id, v);
  }

  private async send(files: File[]): Promise<void> {
    this.input.value = ""; // the same file chosen again is a new upload
    const read = await readFiles(this.multiple ? files : files.slice(0, 1));
    if (typeof read === "string") return this.showLocalError(read);
    if (read.length === 0) return;
    this.changed(this.multiple ? read : (read[0] ?? null));
  }
}

// multimodaltextbox: a message box that takes files too (a paper-clip button, or drop them on
// it; with sources=["microphone"], a recording from the microphone, attached as a WAV). Its value
// {text, files: [{name, mime, data}]} is sent when the person submits (Enter or Send), not per
// keystroke, so attached files travel once.

import { Recorder } from "../media/recorder";
import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { MAX_UPLOAD_BYTES } from "./imageValue";
import { isSubmitKey } from "./keys";
import { asText, num, str } from "./props";
import { ComponentView, type ViewContext } from "./view";

interface Attached {
  name: string;
  mime: string;
  data: Uint8Array;
}

export class MultimodalTextboxView extends ComponentView {
  private readonly area: HTMLTextAreaElement;
  private readonly chips: HTMLUListElement;
  private readonly multiple: boolean;
  private files: Attached[] = [];
  private recorder: Recorder | null = null;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "multimodaltextbox", props, ctx);
    this.multiple = str(props, "file_count") === "multiple";
    const box = el("div", "rx-mm");
    this.chips = el("ul", "rx-mm-files");
    this.area = el("textarea", "rx-mm-text");
    this.area.rows = num(props, "lines") ?? 1;
    this.area.placeholder = str(props, "placeholder") ?? "";
    if (props["autofocus"] === true) this.area.autofocus = true;
    this.area.readOnly = !this.interactive;
    this.area.addEventListener("keydown", (e) => {
      if (!isSubmitKey(e)) return;
      e.preventDefault();
      this.submit();
    });
    this.area.addEventListener("input", () => this.grow());
    const row = el("div", "rx-mm-row");
    const sources = Array.isArray(props["sources"]) ? props["sources"].map(String) : ["upload"];
    if (sources.includes("upload")) row.append(this.picker(props));
    if (sources.includes("microphone")) row.append(this.microphone(box));
    row.append(this.area);
    const send = str(props, "submit_btn");
    if (send !== null) {
      const button = el("button", "rx-btn rx-mm-send", send);
      button.type = "button";
      button.dataset["variant"] = "primary";
      button.addEventListener("click", () => this.submit());
      row.append(button);
    }
    box.append(this.chips, row);
    box.addEventListener("dragover", (e) => e.preventDefault());
    box.addEventListener("drop", (e) => {
      e.preventDefault();
      void this.attach([...(e.dataTransfer?.files ?? [])]);
    });
    this.mount(box, this.area);
    this.update(props["value"] ?? null);
  }

  override current(): Value {
    return { text: this.area.value, files: this.files.map((f) => ({ ...f })) };
  }

  update(v: Value): void {
    const record = typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) ? (v as Record<string, Value>) : null;
    this.area.value = record !== null ? asText(record["text"]) : asText(v);
    this.files = record !== null ? attachedFiles(record["files"]) : []; // an example's files
    this.drawChips();
    this.grow();
    this.ctx.reset(this.id, this.current());
  }

  private submit(): void {
    if (this.area.value.trim() === "" && this.files.length === 0) return;
    this.changed(this.current());
    this.ctx.trigger(this.id, "submit");
  }

  private picker(props: Props): HTMLElement {
    const label = el("label", "rx-mm-attach");
    label.title = "Attach files";
    label.append(el("span", undefined, "+"));
    const input = el("input");
    input.type = "file";
    input.multiple = this.multiple;
    input.hidden = true;
    const types = props["file_types"];
    if (Array.isArray(types)) input.accept = types.map((t) => (String(t).startsWith(".") ? String(t) : `${String(t)}/*`)).join(",");
    input.addEventListener("change", () => {
      void this.attach([...(input.files ?? [])]);
      input.value = "";
    });
    label.append(input);
    return label;
  }

  /** The microphone button: it opens a recorder above the box; a finished recording is attached. */
  private microphone(box: HTMLElement): HTMLElement {
    const button = el("button", "rx-mm-attach rx-mm-mic");
    button.type = "button";
    button.title = "Record audio";
    button.setAttribute("aria-label", "Record audio");
    button.setAttribute("aria-expanded", "false");
    button.innerHTML = MIC_ICON;
    button.addEventListener("click", () => {
      const recorder = (this.recorder ??= this.newRecorder(box, button));
      const open = recorder.root.hidden;
      recorder.root.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (!open) recorder.reset();
    });
    return button;
  }

  private newRecorder(box: HTMLElement, button: HTMLElement): Recorder {
    const recorder = new Recorder("microphone", {
      begin: () => undefined,
      recorded: (file) => {
        recorder.reset();
        recorder.root.hidden = true;
        button.setAttribute("aria-expanded", "false");
        void this.attach([file]);
      },
      clear: () => undefined,
    });
    recorder.root.classList.add("rx-mm-recorder");
    recorder.root.hidden = true;
    box.prepend(recorder.root);
    return recorder;
  }

  override dispose(): void {
    this.recorder?.dispose();
  }

  private async attach(chosen: File[]): Promise<void> {
    if (chosen.length === 0) return;
    const picked = this.multiple ? chosen : chosen.slice(0, 1);
    const total = [...this.files.map((f) => f.data.length), ...picked.map((f) => f.size)].reduce((a, b) => a + b, 0);
    if (total > MAX_UPLOAD_BYTES) return this.showLocalError("the files are larger than 16 MiB together");
    const read = await Promise.all(picked.map(async (f) => ({ name: f.name, mime: f.type || "application/octet-stream", data: new Uint8Array(await f.arrayBuffer()) })));
    this.files = this.multiple ? [...this.files, ...read] : read;
    this.drawChips();
  }

  private drawChips(): void {
    this.chips.replaceChildren(
      ...this.files.map((f, i) => {
        const chip = el("li", "rx-mm-file", f.name);
        const remove = el("button", "rx-mm-remove", "×");
        remove.type = "button";
        remove.setAttribute("aria-label", `Remove ${f.name}`);
        remove.addEventListener("click", () => {
          this.files.splice(i, 1);
          this.drawChips();
        });
        chip.append(remove);
        return chip;
      }),
    );
  }

  private grow(): void {
    const max = num(this.props, "max_lines") ?? 20;
    this.area.style.height = "auto";
    const line = parseFloat(getComputedStyle(this.area).lineHeight) || 22;
    this.area.style.height = `${Math.min(this.area.scrollHeight, max * line + 16)}px`;
  }
}

const MIC_ICON =
  '<svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" ' +
  'stroke-linecap="round" aria-hidden="true"><rect x="9" y="3" width="6" height="11" rx="3"/>' +
  '<path d="M5 11a7 7 0 0 0 14 0M12 18v3"/></svg>';
/** The files a value carries ({name, mime, data} each), as attached in the box. */
function attachedFiles(v: Value | undefined): Attached[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((f: Value) => {
    if (typeof f !== "object" || f === null || Array.isArray(f) || f instanceof Uint8Array) return [];
    const file = f as Record<string, Value>;
    const data = file["data"];
    if (!(data instanceof Uint8Array)) return [];
    const name = typeof file["name"] === "string" ? file["name"] : "file";
    const mime = typeof file["mime"] === "string" ? file["mime"] : "application/octet-stream";
    return [{ name, mime, data }];
  });
}

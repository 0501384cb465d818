// file: when interactive, a picker and drop zone that send {name, mime, data} (a list with
// file_count "multiple"); the files shown as download links ({name, mime, data} from the server).
// An interactive one draws a remove button (×) by each file: the rest are sent again, and the
// server tells a Blocks app's .delete listener which file went.

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { downloadType } from "./downloadType";
import { acceptOf, readFiles } from "./fileRead";
import { str } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class FileView extends ComponentView {
  private readonly list: HTMLUListElement;
  private readonly multiple: boolean;
  private urls: string[] = [];
  /** The files shown, as they can be sent again (after one is removed). */
  private files: Value[] = [];

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "file", props, ctx);
    this.multiple = str(props, "file_count") === "multiple";
    const box = el("div");
    this.list = el("ul", "rx-files");
    box.append(this.list);
    this.mount(box);
    if (this.interactive) this.addPicker(box, props);
    this.show(props["value"] ?? null);
  }

  update(v: Value): void {
    this.show(v);
    this.ctx.reset(this.id, v);
  }

  override dispose(): void {
    this.release();
  }

  private show(v: Value): void {
    this.release();
    const files = Array.isArray(v) ? v : v === null ? [] : [v];
    this.files = files;
    this.list.replaceChildren(...files.map((f, i) => this.removable(this.item(f), i)));
  }

  private removable(li: HTMLLIElement, index: number): HTMLLIElement {
    if (!this.interactive) return li;
    const remove = el("button", "rx-file-remove", "×");
    remove.type = "button";
    remove.title = "Remove this file";
    remove.setAttribute("aria-label", "Remove this file");
    remove.addEventListener("click", () => {
      const rest = this.files.filter((_, i) => i !== index);
      this.show(this.multiple ? rest : null);
      this.changed(this.multiple ? rest : null);
    });
    li.append(remove);
    return li;
  }

  private item(f: Value): HTMLLIElement {
    const li = el("li");
    if (!isMap(f)) return li;
    const name = typeof f["name"] === "string" ? f["name"] : "file";
    const data = f["data"];
    if (data instanceof Uint8Array) {
      const a = el("a", "rx-download", name);
      const type = downloadType(typeof f["mime"] === "string" ? f["mime"] : "");
      a.href = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type }));
      a.download = name;
      this.urls.push(a.href);
      li.append(a, el("span", "rx-size", size(data.length)));
    } else {
      li.textContent = name;
    }
    return li;
  }

  private addPicker(box: HTMLElement, props: Props): void {
    const zone = el("label", "rx-drop", this.multiple ? "Drop files here or click to upload" : "Drop a file here or click to upload");
    const input = el("input");
    input.type = "file";
    input.multiple = this.multiple;
    input.accept = acceptOf(props["file_types"]);
    input.id = `${this.id}--control`;
    this.label.htmlFor = input.id;
    zone.append(input);
    const clear = el("button", "rx-clear", "Clear");
    clear.type = "button";
    input.addEventListener("change", () => void this.pick([...(input.files ?? [])]));
    clear.addEventListener("click", () => {
      input.value = "";
      this.show(null);
      this.changed(this.multiple ? [] : null);
    });
    zone.addEventListener("dragover", (e) => e.preventDefault());
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      void this.pick([...(e.dataTransfer?.files ?? [])]);
    });
    box.append(zone, clear);
  }

  private async pick(files: File[]): Promise<void> {
    if (files.length === 0) return;
    const chosen = this.multiple ? files : files.slice(0, 1);
    const values = await readFiles(chosen);
    if (typeof values === "string") return this.showLocalError(values);
    this.files = values;
    this.list.replaceChildren(...chosen.map((f, i) => this.removable(el("li", undefined, f.name), i)));
    this.changed(this.multiple ? values : (values[0] ?? null));
  }

  private release(): void {
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
  }
}

function size(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

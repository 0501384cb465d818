// The file picker of media inputs: a drop zone with a hidden <input type=file>, a Clear button,
// and an upload progress line. It only reports picks; the view uploads and shows the file.

import { el, highlightDrops, setText } from "../components/dom";

export interface PickerEvents {
  pick(file: File): void;
  clear(): void;
}

export class FilePicker {
  readonly root: HTMLDivElement;
  readonly input: HTMLInputElement;
  private readonly note: HTMLSpanElement;

  constructor(id: string, accept: string, what: string, events: PickerEvents) {
    this.root = el("div", "rx-picker");
    const zone = el("label", "rx-drop", `Drop ${what} here or click to upload`);
    this.input = el("input");
    this.input.type = "file";
    this.input.accept = accept;
    this.input.id = `${id}--control`;
    zone.append(this.input);
    const clear = el("button", "rx-clear", "Clear");
    clear.type = "button";
    this.note = el("span", "rx-upload-note");
    this.input.addEventListener("change", () => {
      const file = this.input.files?.[0];
      if (file !== undefined) events.pick(file);
    });
    clear.addEventListener("click", () => {
      this.input.value = "";
      events.clear();
    });
    highlightDrops(zone, (file) => events.pick(file));
    this.root.append(zone, clear, this.note);
  }

  /** A line under the picker: upload progress, or "" to hide it. */
  say(text: string): void {
    setText(this.note, text);
  }
}

/** "Uploading a.wav: 42%". */
export function progressNote(name: string, fraction: number): string {
  return fraction >= 1 ? "" : `Uploading ${name}: ${Math.floor(fraction * 100)}%`;
}

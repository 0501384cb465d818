// dialogue: lines of a conversation ([{speaker, text}]), each a speaker <select> and a text
// field; "+ Line" adds one, × removes one; every change sends the whole list and Enter in a
// line submits. paramviewer: a function's parameters as a definition list (name, type,
// default, then the description).

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { isSubmitKey } from "./keys";
import { str } from "./props";
import { ComponentView, type ViewContext } from "./view";

interface Line {
  speaker: string;
  text: string;
}

function lines(v: Value): Line[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isMap).map((l) => ({ speaker: String(l["speaker"] ?? ""), text: String(l["text"] ?? "") }));
}

export class DialogueView extends ComponentView {
  private readonly list: HTMLElement;
  private lines: Line[] = [];

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "dialogue", props, ctx);
    const box = el("div", "rx-dialogue");
    this.list = el("ol", "rx-dialogue-lines");
    box.append(this.list);
    if (this.interactive) {
      const add = el("button", "rx-clear", "+ Line");
      add.type = "button";
      add.addEventListener("click", () => {
        this.lines.push({ speaker: this.speakers()[0] ?? "", text: "" });
        this.draw();
        this.send();
        this.list.querySelector<HTMLInputElement>("li:last-child input")?.focus();
      });
      box.append(add);
    }
    this.mount(box);
    this.update(props["value"] ?? []);
  }

  private speakers(): string[] {
    const s = this.props["speakers"];
    return Array.isArray(s) ? s.map(String) : [];
  }

  update(v: Value): void {
    this.lines = lines(v);
    this.draw();
    if (this.interactive) this.ctx.reset(this.id, this.wire());
  }

  override current(): Value {
    return this.wire();
  }

  private wire(): Value {
    return this.lines.map((l) => ({ speaker: l.speaker, text: l.text }));
  }

  private send(): void {
    this.changed(this.wire());
  }

  private draw(): void {
    this.list.replaceChildren(...this.lines.map((line, i) => this.row(line, i)));
  }

  private row(line: Line, i: number): HTMLElement {
    const li = el("li", "rx-dialogue-line");
    if (!this.interactive) {
      li.append(el("span", "rx-dialogue-speaker", line.speaker), el("span", "rx-dialogue-text", line.text));
      return li;
    }
    const speaker = el("select", "rx-dialogue-speaker");
    speaker.setAttribute("aria-label", `speaker of line ${i + 1}`);
    for (const name of new Set([...this.speakers(), line.speaker].filter((s) => s !== ""))) {
      const option = el("option", undefined, name);
      option.value = name;
      speaker.append(option);
    }
    speaker.value = line.speaker;
    speaker.addEventListener("change", () => {
      line.speaker = speaker.value;
      this.send();
    });
    const text = el("input", "rx-dialogue-text");
    text.value = line.text;
    text.placeholder = str(this.props, "placeholder") ?? "";
    text.setAttribute("aria-label", `line ${i + 1}`);
    text.addEventListener("input", () => {
      line.text = text.value;
      this.send();
    });
    text.addEventListener("keydown", (e) => {
      if (!isSubmitKey(e)) return;
      e.preventDefault();
      this.send();
      this.ctx.trigger(this.id, "submit");
    });
    const remove = el("button", "rx-thumb-remove rx-dialogue-remove", "×");
    remove.type = "button";
    remove.setAttribute("aria-label", `remove line ${i + 1}`);
    remove.addEventListener("click", () => {
      this.lines.splice(i, 1);
      this.draw();
      this.send();
    });
    li.append(speaker, text, remove);
    return li;
  }
}

export class ParamViewerView extends ComponentView {
  private readonly list: HTMLDListElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "paramviewer", props, ctx);
    this.list = el("dl", "rx-params");
    this.mount(this.list);
    this.update(props["value"] ?? []);
  }

  update(v: Value): void {
    const items: HTMLElement[] = [];
    for (const p of Array.isArray(v) ? v.filter(isMap) : []) {
      const term = el("dt");
      term.append(el("code", "rx-param-name", String(p["name"] ?? "")));
      if (typeof p["type"] === "string") term.append(": ", el("code", "rx-param-type", p["type"]));
      if (typeof p["default"] === "string") term.append(" = ", el("code", "rx-param-default", p["default"]));
      items.push(term, el("dd", undefined, typeof p["description"] === "string" ? p["description"] : ""));
    }
    this.list.replaceChildren(...items);
  }
}

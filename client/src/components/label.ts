// label: the top class in large type, then each class with a bar as wide as its confidence.

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import { el, setText } from "./dom";
import { ComponentView, type ViewContext } from "./view";

export class LabelView extends ComponentView {
  private readonly top: HTMLElement;
  private readonly list: HTMLElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "label", props, ctx);
    const box = el("div");
    this.top = el("div", "rx-label-top");
    this.list = el("ol", "rx-confidences");
    box.append(this.top, this.list);
    this.mount(box);
    this.update(props["value"] ?? null);
  }

  update(v: Value): void {
    const label = isMap(v) && typeof v["label"] === "string" ? v["label"] : "";
    setText(this.top, label);
    const rows: HTMLElement[] = [];
    const confidences = isMap(v) && Array.isArray(v["confidences"]) ? v["confidences"] : [];
    for (const c of confidences) {
      if (!isMap(c) || typeof c["confidence"] !== "number") continue;
      const pct = Math.round(Math.max(0, Math.min(1, c["confidence"])) * 100);
      const li = el("li", "rx-confidence");
      const bar = el("div", "rx-confidence-bar");
      bar.style.width = `${pct}%`;
      li.append(bar, el("span", "rx-confidence-name", String(c["label"])), el("span", "rx-confidence-pct", `${pct}%`));
      rows.push(li);
    }
    this.list.replaceChildren(...rows);
  }
}

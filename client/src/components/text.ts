// text: plain text output (textContent only); streams appends into one Text node.

import type { Props, Value } from "../protocol/messages";
import { canAppend } from "../render/append";
import { el } from "./dom";
import { asText } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class TextView extends ComponentView {
  private readonly node: Text;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "text", props, ctx);
    const box = el("div");
    this.node = document.createTextNode(asText(props["value"]));
    box.append(this.node);
    this.mount(box);
  }

  update(v: Value): void {
    const text = asText(v);
    if (this.node.data !== text) this.node.data = text;
  }

  override append(d: string, at: number): boolean {
    if (!canAppend(this.node.length, at)) return false;
    this.node.appendData(d);
    return true;
  }
}

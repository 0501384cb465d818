// json: any value, pretty-printed in a <pre>.

import type { Props, Value } from "../protocol/messages";
import { el, setText } from "./dom";
import { jsonText } from "./jsonText";
import { ComponentView, type ViewContext } from "./view";

export class JsonView extends ComponentView {
  private readonly pre: HTMLPreElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "json", props, ctx);
    this.pre = el("pre", undefined, jsonText(props["value"]));
    this.mount(this.pre);
  }

  update(v: Value): void {
    setText(this.pre, jsonText(v));
  }
}

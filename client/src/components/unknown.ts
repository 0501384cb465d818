// A visible placeholder for a component type this client does not know.

import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { ComponentView, type ViewContext } from "./view";

export class UnknownView extends ComponentView {
  constructor(id: string, type: string, props: Props, ctx: ViewContext) {
    super(id, type, props, ctx);
    this.root.classList.add("rx-unknown");
    this.mount(el("div", undefined, `unknown component type ${type}`));
  }

  update(_v: Value): void {}
}

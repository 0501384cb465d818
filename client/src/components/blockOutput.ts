// layoutblock: a layout block (gr.Column, gr.Row, ...) among a function's outputs. Not drawn
// itself; gr.update(visible=...) on it shows or hides the block's element (`target`).

import type { Props, Value } from "../protocol/messages";
import { bool, str } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class BlockOutputView extends ComponentView {
  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "layoutblock", props, ctx);
    this.root.hidden = true;
    // The layout is drawn after the views: show the block's (resumed) visibility then.
    queueMicrotask(() => this.apply());
  }

  update(_v: Value): void {}

  override setProps(p: Props): void {
    this.props = { ...this.props, ...p };
    this.apply();
  }

  private apply(): void {
    const target = str(this.props, "target");
    const block = target === null ? null : document.getElementById(target);
    if (block !== null) block.hidden = !bool(this.props, "visible", true);
  }
}

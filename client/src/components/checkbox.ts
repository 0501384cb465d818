// checkbox: sends a bool on change.

import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { ComponentView, type ViewContext } from "./view";

export class CheckboxView extends ComponentView {
  private readonly control: HTMLInputElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "checkbox", props, ctx);
    const control = el("input");
    control.type = "checkbox";
    control.checked = props["value"] === true;
    control.disabled = !this.interactive;
    control.addEventListener("change", () => this.changed(control.checked));
    this.control = control;
    this.mount(control, control);
    ctx.reset(id, control.checked);
  }

  override current(): Value {
    return this.control.checked;
  }

  update(v: Value): void {
    this.control.checked = v === true;
    this.ctx.reset(this.id, this.control.checked);
  }
}

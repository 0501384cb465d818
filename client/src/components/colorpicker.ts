// colorpicker: <input type=color> and the hex code beside it; sends "#rrggbb".

import type { Props, Value } from "../protocol/messages";
import { el, setText } from "./dom";
import { ComponentView, type ViewContext } from "./view";

export class ColorPickerView extends ComponentView {
  private readonly control: HTMLInputElement;
  private readonly code: HTMLElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "colorpicker", props, ctx);
    const box = el("div", "rx-color");
    const control = el("input");
    control.type = "color";
    control.disabled = !this.interactive;
    this.code = el("code");
    box.append(control, this.code);
    this.control = control;
    this.show(props["value"] ?? null);
    control.addEventListener("input", () => {
      setText(this.code, control.value);
      this.changed(control.value);
    });
    this.mount(box, control);
    ctx.reset(id, control.value);
  }

  update(v: Value): void {
    this.show(v);
    this.ctx.reset(this.id, this.control.value);
  }

  override current(): Value {
    return this.control.value;
  }

  private show(v: Value): void {
    if (typeof v === "string" && /^#[0-9a-f]{6}$/i.test(v)) this.control.value = v.toLowerCase();
    setText(this.code, this.control.value);
  }
}

// slider: <input type=range> whose current value is shown beside the label; sends every move.

import type { Props, Value } from "../protocol/messages";
import { el, setText } from "./dom";
import { setRange } from "./number";
import { num } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class SliderView extends ComponentView {
  private readonly control: HTMLInputElement;
  private readonly readout: HTMLOutputElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "slider", props, ctx);
    const control = el("input");
    control.type = "range";
    setRange(control, props);
    control.disabled = !this.interactive;
    this.readout = el("output", "rx-readout");
    this.label.hidden = false;
    this.label.append(this.readout);
    this.control = control;
    this.show(num(props, "value") ?? control.valueAsNumber);
    control.addEventListener("input", () => {
      setText(this.readout, control.value);
      this.changed(control.valueAsNumber);
    });
    this.mount(control, control);
    ctx.reset(id, control.valueAsNumber);
  }

  update(v: Value): void {
    if (typeof v !== "number") return;
    this.show(v);
    this.ctx.reset(this.id, this.control.valueAsNumber);
  }

  override current(): Value {
    return this.control.valueAsNumber;
  }

  private show(v: number): void {
    const text = String(v);
    if (this.control.value !== text) this.control.value = text;
    setText(this.readout, this.control.value);
  }
}

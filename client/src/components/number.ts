// number: <input type=number>; sends a number, or nil when empty; Enter submits.

import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { isSubmitKey } from "./keys";
import { num, str } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class NumberView extends ComponentView {
  private readonly control: HTMLInputElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "number", props, ctx);
    const control = el("input");
    control.type = "number";
    setRange(control, props);
    control.placeholder = str(props, "placeholder") ?? "";
    control.readOnly = !this.interactive; // an output stays selectable and copyable
    this.control = control;
    this.show(props["value"] ?? null);
    control.addEventListener("input", () => {
      if (!control.validity.badInput) this.changed(this.value());
    });
    control.addEventListener("keydown", (e) => {
      if (!isSubmitKey(e)) return;
      e.preventDefault();
      if (!control.validity.badInput) this.changed(this.value());
      ctx.trigger(id, "submit");
    });
    this.mount(control, control);
    ctx.reset(id, this.value());
  }

  update(v: Value): void {
    this.show(v);
    this.ctx.reset(this.id, this.value());
  }

  override current(): Value {
    return this.value();
  }

  private value(): number | null {
    return this.control.value === "" ? null : this.control.valueAsNumber;
  }

  private show(v: Value): void {
    const text = typeof v === "number" ? String(v) : "";
    if (this.control.value !== text) this.control.value = text;
  }
}

/** min / max / step of a number or range input ("any" step when none is given). */
export function setRange(control: HTMLInputElement, props: Props): void {
  const min = num(props, "minimum");
  const max = num(props, "maximum");
  const step = num(props, "step");
  if (min !== null) control.min = String(min);
  if (max !== null) control.max = String(max);
  control.step = step !== null && step > 0 ? String(step) : "any";
}

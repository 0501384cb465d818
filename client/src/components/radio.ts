// radio: one radio button per choice in a radiogroup; sends the chosen value.

import type { Props, Value } from "../protocol/messages";
import { OptionsView } from "./options";
import type { ViewContext } from "./view";

export class RadioView extends OptionsView {
  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, { type: "radio", input: "radio", role: "radiogroup", empty: null }, props, ctx);
  }

  protected value(): Value {
    const i = this.inputs.findIndex((input) => input.checked);
    return i < 0 ? null : (this.choices[i]?.value ?? null);
  }

  protected select(v: Value): void {
    this.inputs.forEach((input, i) => (input.checked = this.choices[i]?.value === v));
  }
}

// checkboxgroup: one checkbox per choice; sends the list of ticked values (in choice order).

import type { Props, Value } from "../protocol/messages";
import { OptionsView } from "./options";
import type { ViewContext } from "./view";

export class CheckboxGroupView extends OptionsView {
  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, { type: "checkboxgroup", input: "checkbox", role: "group", empty: [] }, props, ctx);
  }

  protected value(): Value[] {
    const picked: Value[] = [];
    this.inputs.forEach((input, i) => {
      const choice = this.choices[i];
      if (input.checked && choice !== undefined) picked.push(choice.value);
    });
    return picked;
  }

  protected select(v: Value): void {
    const wanted: readonly Value[] = Array.isArray(v) ? v : [];
    this.inputs.forEach((input, i) => (input.checked = wanted.includes(this.choices[i]?.value ?? null)));
  }
}

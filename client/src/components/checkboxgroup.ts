// checkboxgroup: one checkbox per choice; sends the list of ticked values (in choice order).

import type { Props, Value } from "../protocol/messages";
import { parseChoices, type Choice } from "./choices";
import { el } from "./dom";
import { ComponentView, type ViewContext } from "./view";

export class CheckboxGroupView extends ComponentView {
  private readonly inputs: HTMLInputElement[] = [];
  private readonly choices: Choice[];

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "checkboxgroup", props, ctx);
    this.choices = parseChoices(props["choices"]);
    const group = el("div", "rx-options");
    group.setAttribute("role", "group");
    this.label.id = `${id}--label`;
    group.setAttribute("aria-labelledby", this.label.id);
    this.choices.forEach((choice) => {
      const option = el("label", "rx-option");
      const input = el("input");
      input.type = "checkbox";
      input.disabled = !this.interactive;
      input.addEventListener("change", () => this.changed(this.value()));
      option.append(input, document.createTextNode(choice.label));
      group.append(option);
      this.inputs.push(input);
    });
    this.mount(group);
    this.select(props["value"] ?? []);
    ctx.reset(id, this.value());
  }

  update(v: Value): void {
    this.select(v);
    this.ctx.reset(this.id, this.value());
  }

  override current(): Value {
    return this.value();
  }

  private value(): Value[] {
    const picked: Value[] = [];
    this.inputs.forEach((input, i) => {
      const choice = this.choices[i];
      if (input.checked && choice !== undefined) picked.push(choice.value);
    });
    return picked;
  }

  private select(v: Value): void {
    const wanted: readonly Value[] = Array.isArray(v) ? v : [];
    this.inputs.forEach((input, i) => (input.checked = wanted.includes(this.choices[i]?.value ?? null)));
  }
}

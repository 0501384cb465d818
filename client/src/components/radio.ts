// radio: one radio button per choice in a radiogroup; sends the chosen value.

import type { Props, Value } from "../protocol/messages";
import { parseChoices, type Choice } from "./choices";
import { el } from "./dom";
import { ComponentView, type ViewContext } from "./view";

export class RadioView extends ComponentView {
  private readonly inputs: HTMLInputElement[] = [];
  private readonly choices: Choice[];

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "radio", props, ctx);
    this.choices = parseChoices(props["choices"]);
    const group = el("div", "rx-options");
    group.setAttribute("role", "radiogroup");
    this.choices.forEach((choice, i) => {
      const option = el("label", "rx-option");
      const input = el("input");
      input.type = "radio";
      input.name = `${id}--radio`;
      input.value = String(i);
      input.disabled = !this.interactive;
      input.addEventListener("change", () => this.changed(this.value()));
      option.append(input, document.createTextNode(choice.label));
      group.append(option);
      this.inputs.push(input);
    });
    this.mount(group);
    group.setAttribute("aria-labelledby", this.labelId());
    this.select(props["value"] ?? null);
    ctx.reset(id, this.value());
  }

  update(v: Value): void {
    this.select(v);
    this.ctx.reset(this.id, this.value());
  }

  override current(): Value {
    return this.value();
  }

  private labelId(): string {
    this.label.id = `${this.id}--label`;
    return this.label.id;
  }

  private value(): Value {
    const i = this.inputs.findIndex((input) => input.checked);
    return i < 0 ? null : (this.choices[i]?.value ?? null);
  }

  private select(v: Value): void {
    this.inputs.forEach((input, i) => (input.checked = this.choices[i]?.value === v));
  }
}

// dropdown: <select>; sends the chosen value (with `multiselect`, multiselect.ts draws chips).
// With `allow_custom_value` it is a text field with the choices as suggestions.

import type { Props, Value } from "../protocol/messages";
import { parseChoices, type Choice } from "./choices";
import { el } from "./dom";
import { bool } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class DropdownView extends ComponentView {
  private readonly control: HTMLSelectElement;
  private readonly choices: Choice[];

  private readonly custom: HTMLInputElement | null = null;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "dropdown", props, ctx);
    this.choices = parseChoices(props["choices"]);
    if (bool(props, "allow_custom_value", false)) {
      this.control = el("select");
      this.custom = this.customField(props["value"] ?? null);
      return;
    }
    const control = el("select");
    control.disabled = !this.interactive;
    this.choices.forEach((choice, i) => {
      const option = el("option", undefined, choice.label);
      option.value = String(i);
      control.append(option);
    });
    control.addEventListener("input", () => this.changed(this.value()));
    this.control = control;
    this.select(props["value"] ?? null);
    this.mount(control, control);
    ctx.reset(id, this.value());
  }

  update(v: Value): void {
    if (this.custom !== null) this.custom.value = this.labelOf(v);
    else this.select(v);
    this.ctx.reset(this.id, this.value());
  }

  override current(): Value {
    return this.value();
  }

  private customField(v: Value): HTMLInputElement {
    const input = el("input");
    const list = el("datalist");
    list.id = `${this.id}--choices`;
    for (const choice of this.choices) list.append(el("option", undefined, choice.label));
    input.setAttribute("list", list.id);
    input.readOnly = !this.interactive;
    input.value = this.labelOf(v);
    input.addEventListener("change", () => this.changed(this.value()));
    this.mount(input, input);
    input.after(list);
    this.ctx.reset(this.id, this.value());
    return input;
  }

  private labelOf(v: Value): string {
    return this.choices.find((c) => c.value === v)?.label ?? (v === null ? "" : String(v));
  }

  private value(): Value {
    if (this.custom !== null) {
      const text = this.custom.value;
      const known = this.choices.find((c) => c.label === text);
      return known !== undefined ? known.value : text === "" ? null : text;
    }
    const picked: Value[] = [];
    for (const option of this.control.selectedOptions) {
      const choice = this.choices[Number(option.value)];
      if (choice !== undefined) picked.push(choice.value);
    }
    return picked[0] ?? null;
  }

  private select(v: Value): void {
    const wanted: readonly Value[] = Array.isArray(v) ? v : v === null ? [] : [v];
    const options = this.control.options;
    for (let i = 0; i < options.length; i++) {
      const option = options[i];
      if (option !== undefined) option.selected = wanted.includes(this.choices[i]?.value ?? null);
    }
    if (wanted.length === 0) this.control.selectedIndex = -1;
  }
}

// dropdown with `multiselect`: the chosen values as chips (each with a × to remove it) and a
// <select> of the others to add one; `max_choices` disables adding once reached. Sends the list
// in the order chosen.

import type { Props, Value } from "../protocol/messages";
import { parseChoices, type Choice } from "./choices";
import { el } from "./dom";
import { num } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class MultiselectView extends ComponentView {
  private readonly chips: HTMLElement;
  private readonly adder: HTMLSelectElement;
  private readonly choices: Choice[];
  private picked: number[] = [];

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "dropdown", props, ctx);
    this.choices = parseChoices(props["choices"]);
    const box = el("div", "rx-multiselect");
    this.chips = el("div", "rx-chips");
    this.adder = el("select", "rx-adder");
    this.adder.disabled = !this.interactive;
    this.adder.addEventListener("change", () => {
      const index = Number(this.adder.value);
      if (this.adder.value !== "" && !this.picked.includes(index)) this.pick([...this.picked, index]);
    });
    box.append(this.chips, this.adder);
    this.mount(box, this.adder);
    this.show(props["value"] ?? null);
    ctx.reset(id, this.value());
  }

  update(v: Value): void {
    this.show(v);
    this.ctx.reset(this.id, this.value());
  }

  override current(): Value {
    return this.value();
  }

  private value(): Value[] {
    return this.picked.map((i) => this.choices[i]?.value ?? null);
  }

  private pick(indices: number[]): void {
    this.picked = indices;
    this.draw();
    this.changed(this.value());
  }

  private show(v: Value): void {
    const wanted: readonly Value[] = Array.isArray(v) ? v : v === null ? [] : [v];
    this.picked = wanted.map((w) => this.choices.findIndex((c) => c.value === w)).filter((i) => i >= 0);
    this.draw();
  }

  private draw(): void {
    this.chips.replaceChildren(...this.picked.map((i) => this.chip(i)));
    const max = num(this.props, "max_choices");
    const full = max !== null && this.picked.length >= max;
    const prompt = el("option", undefined, full ? `at most ${max}` : this.picked.length === 0 ? "Select…" : "Add…");
    prompt.value = "";
    const rest = this.choices.flatMap((c, i) => {
      if (this.picked.includes(i)) return [];
      const option = el("option", undefined, c.label);
      option.value = String(i);
      return [option];
    });
    this.adder.replaceChildren(prompt, ...rest);
    this.adder.value = "";
    this.adder.disabled = !this.interactive || full || rest.length === 0;
  }

  private chip(index: number): HTMLElement {
    const label = this.choices[index]?.label ?? "";
    const chip = el("span", "rx-chip", label);
    chip.dataset["value"] = label;
    if (this.interactive) {
      const remove = el("button", "rx-chip-remove", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", `remove ${label}`);
      remove.addEventListener("click", () => this.pick(this.picked.filter((i) => i !== index)));
      chip.append(remove);
    }
    return chip;
  }
}

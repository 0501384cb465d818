// Views that offer one input per choice (radio, checkboxgroup): the group, its accessible label,
// the change events and redraws; subclasses say how ticked inputs map to a value.

import type { Props, Value } from "../protocol/messages";
import { parseChoices, type Choice } from "./choices";
import { el } from "./dom";
import { ComponentView, type ViewContext } from "./view";

export interface OptionsKind {
  type: string;
  input: "radio" | "checkbox";
  role: "radiogroup" | "group";
  empty: Value;
}

export abstract class OptionsView extends ComponentView {
  protected readonly inputs: HTMLInputElement[] = [];
  protected readonly choices: Choice[];

  constructor(id: string, kind: OptionsKind, props: Props, ctx: ViewContext) {
    super(id, kind.type, props, ctx);
    this.choices = parseChoices(props["choices"]);
    const group = el("div", "rx-options");
    group.setAttribute("role", kind.role);
    this.label.id = `${id}--label`;
    group.setAttribute("aria-labelledby", this.label.id);
    this.choices.forEach((choice, i) => {
      const option = el("label", "rx-option");
      const input = el("input");
      input.type = kind.input;
      input.name = `${id}--${kind.input}`; // radios of one group share a name
      input.value = String(i);
      input.disabled = !this.interactive;
      input.addEventListener("change", () => this.changed(this.value()));
      option.append(input, document.createTextNode(choice.label));
      group.append(option);
      this.inputs.push(input);
    });
    this.mount(group);
    this.select(props["value"] ?? kind.empty);
    ctx.reset(id, this.value());
  }

  update(v: Value): void {
    this.select(v);
    this.ctx.reset(this.id, this.value());
  }

  override current(): Value {
    return this.value();
  }

  /** The value the ticked inputs stand for. */
  protected abstract value(): Value;

  /** Tick the inputs that stand for ``v``. */
  protected abstract select(v: Value): void;
}

// button: its `value` is the text; a click sends trigger {c, e:"click"}.

import type { Props, Value } from "../protocol/messages";
import { el, setText } from "./dom";
import { asText, str } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class ButtonView extends ComponentView {
  protected readonly button: HTMLButtonElement;

  constructor(id: string, props: Props, ctx: ViewContext, type = "button") {
    super(id, type, props, ctx);
    const button = el("button", "rx-btn", asText(props["value"]) || (str(props, "label") ?? id));
    button.type = "button";
    button.dataset["variant"] = str(props, "variant") ?? "secondary";
    button.disabled = !this.interactive;
    button.addEventListener("click", () => ctx.trigger(id, "click"));
    this.label.hidden = true;
    this.button = button;
    this.mount(button);
  }

  update(v: Value): void {
    setText(this.button, asText(v));
  }
}

// textbox: <input> for one line (Enter submits), <textarea> for more; every keystroke is sent.
// A one-line output is a textarea that grows with its text, so a long result wraps, not cut.

import type { Props, Value } from "../protocol/messages";
import { canAppend } from "../render/append";
import { copyButton } from "./copyButton";
import { el } from "./dom";
import { asText, num, str } from "./props";
import { ComponentView, type ViewContext } from "./view";
import { isSubmitKey } from "./keys";

export class TextboxView extends ComponentView {
  private readonly control: HTMLInputElement | HTMLTextAreaElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "textbox", props, ctx);
    const lines = num(props, "lines") ?? 1;
    const type = str(props, "type") ?? "text";
    const wraps = lines <= 1 && type === "text" && !this.interactive;
    const control = (lines > 1 || wraps) && type === "text" ? el("textarea") : el("input");
    if (wraps) control.classList.add("rx-wrap");
    if (control instanceof HTMLTextAreaElement) {
      control.rows = lines;
      const maxLines = num(props, "max_lines");
      if (maxLines !== null) control.style.maxHeight = `${maxLines * 1.5 + 1}em`;
    } else control.type = type === "password" || type === "email" ? type : "text";
    if (props["autofocus"] === true) control.autofocus = true;
    control.placeholder = str(props, "placeholder") ?? "";
    const align = str(props, "text_align");
    if (align === "left" || align === "right") control.style.textAlign = align;
    if (props["rtl"] === true) control.dir = "rtl";
    const max = num(props, "max_length");
    if (max !== null) control.maxLength = max;
    control.readOnly = !this.interactive; // an output stays selectable and copyable
    control.value = asText(props["value"]);
    control.addEventListener("input", () => this.changed(control.value));
    if (control instanceof HTMLInputElement) {
      control.addEventListener("keydown", (e) => {
        if (!isSubmitKey(e)) return;
        e.preventDefault();
        this.changed(control.value);
        ctx.trigger(id, "submit");
      });
    }
    this.control = control;
    this.mount(control, control);
    if (props["show_copy_button"] === true) this.addCopyButton();
    ctx.reset(id, control.value);
  }

  override current(): Value {
    return this.control.value;
  }

  private addCopyButton(): void {
    this.control.after(copyButton(this.root, () => this.control.value));
  }

  update(v: Value): void {
    const text = asText(v);
    if (this.control.value !== text) this.control.value = text;
    this.ctx.reset(this.id, text);
    this.follow();
  }

  override append(d: string, at: number): boolean {
    if (!canAppend(this.control.value.length, at)) return false;
    this.control.value += d;
    this.ctx.reset(this.id, this.control.value);
    this.follow();
    return true;
  }

  /** `autoscroll` (the default): a growing output stays scrolled to its end. */
  private follow(): void {
    if (this.props["autoscroll"] !== false && this.control instanceof HTMLTextAreaElement && this.control.readOnly) {
      this.control.scrollTop = this.control.scrollHeight;
    }
  }
}

// Views whose text source is drawn as sanitized HTML (markdown, html): the source grows by
// updates and append deltas, and is re-rendered at most once per frame, on commit.

import type { Props, Value } from "../protocol/messages";
import { appendAt } from "../render/append";
import { copyButton } from "./copyButton";
import { el } from "./dom";
import { asText } from "./props";
import { ComponentView, type ViewContext } from "./view";

export abstract class RichTextView extends ComponentView {
  private readonly box: HTMLDivElement;
  private source: string;
  private dirty = true;

  constructor(id: string, type: string, boxClass: string, props: Props, ctx: ViewContext) {
    super(id, type, props, ctx);
    this.box = el("div", boxClass);
    this.source = asText(props["value"]);
    this.mount(this.box);
    if (props["show_copy_button"] === true) this.box.after(copyButton(this.root, () => this.source));
    this.commit();
  }

  /** The sanitized HTML for ``source``. */
  protected abstract render(source: string): string;

  update(v: Value): void {
    const text = asText(v);
    if (text === this.source) return;
    this.source = text;
    this.dirty = true;
  }

  override append(d: string, at: number): boolean {
    const next = appendAt(this.source, d, at);
    if (next === null) return false;
    this.source = next;
    this.dirty = true;
    return true;
  }

  override commit(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.box.innerHTML = this.render(this.source);
  }
}

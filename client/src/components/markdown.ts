// markdown: the source is rendered with marked and sanitized with DOMPurify, once per frame.

import DOMPurify from "dompurify";
import { marked } from "marked";
import type { Props, Value } from "../protocol/messages";
import { appendAt } from "../render/append";
import { el } from "./dom";
import { asText } from "./props";
import { ComponentView, type ViewContext } from "./view";

export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(marked.parse(source, { async: false, gfm: true }));
}

export class MarkdownView extends ComponentView {
  private readonly box: HTMLDivElement;
  private source: string;
  private dirty = true;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "markdown", props, ctx);
    this.box = el("div", "rx-md");
    this.source = asText(props["value"]);
    this.mount(this.box);
    this.commit();
  }

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
    this.box.innerHTML = renderMarkdown(this.source);
  }
}

// markdown: the source is rendered with marked and sanitized with DOMPurify, once per frame.

import { marked } from "marked";
import type { Props } from "../protocol/messages";
import { RichTextView } from "./richText";
import { sanitizeHtml } from "./sanitize";
import type { ViewContext } from "./view";

export function renderMarkdown(source: string): string {
  return sanitizeHtml(marked.parse(source, { async: false, gfm: true }));
}

export class MarkdownView extends RichTextView {
  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "markdown", "rx-md", props, ctx);
  }

  protected render(source: string): string {
    return renderMarkdown(source);
  }
}

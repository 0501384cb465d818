// html: the value is sanitized with DOMPurify (no scripts, no handlers) and drawn once per frame.

import DOMPurify from "dompurify";
import type { Props } from "../protocol/messages";
import { RichTextView } from "./richText";
import type { ViewContext } from "./view";

export class HtmlView extends RichTextView {
  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "html", "rx-html", props, ctx);
  }

  protected render(source: string): string {
    return DOMPurify.sanitize(source);
  }
}

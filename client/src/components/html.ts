// html: the value is sanitized (sanitize.ts: no scripts, handlers or forms) and drawn once per
// frame.

import { sanitizeHtml } from "./sanitize";
import type { Props } from "../protocol/messages";
import { RichTextView } from "./richText";
import type { ViewContext } from "./view";

export class HtmlView extends RichTextView {
  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "html", "rx-html", props, ctx);
  }

  protected render(source: string): string {
    return sanitizeHtml(source);
  }
}

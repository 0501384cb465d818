// deeplinkbutton (gr.DeepLinkButton): a click copies a link to this page with its inputs'
// current values (ui/deepLink.ts) and shows `copied_value` for a moment; it is also a click
// trigger, as any button's.

import type { Props } from "../protocol/messages";
import { setText } from "./dom";
import { asText, str } from "./props";
import { ButtonView } from "./button";
import type { ViewContext } from "./view";

const SHOWN_MS = 1000;

export class DeepLinkButtonView extends ButtonView {
  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, props, ctx, "deeplinkbutton");
    this.button.addEventListener("click", () => void this.copy());
  }

  private async copy(): Promise<void> {
    const link = this.ctx.deepLink?.();
    if (link === undefined) return;
    this.button.dataset["link"] = link; // for tools and tests; the clipboard may be refused
    try {
      await navigator.clipboard.writeText(link);
    } catch (err) {
      console.warn("reactive: the link could not be copied to the clipboard", err);
      return;
    }
    const text = asText(this.props["value"]);
    setText(this.button, str(this.props, "copied_value") ?? "Link Copied!");
    setTimeout(() => setText(this.button, text), SHOWN_MS);
  }
}

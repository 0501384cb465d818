// render: the placeholder of a `@gr.render` function. Its value is a sub-layout (components,
// layout, functions) that the page draws inside it, replacing the previous one; the slot itself
// is not drawn (its box is `display: contents`), so the sub-layout sits in the slot's parent.

import type { Props, SubLayout, Value } from "../protocol/messages";
import { el } from "./dom";
import { ComponentView, type ViewContext } from "./view";

export class RenderView extends ComponentView {
  private readonly body: HTMLElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "render", props, ctx);
    this.body = el("div", "rx-render-body");
    this.mount(this.body);
    const initial = props["value"];
    // The page registers a view's sub-views once the whole page is drawn.
    if (isSubLayout(initial)) queueMicrotask(() => this.update(initial));
  }

  update(v: Value): void {
    if (isSubLayout(v)) this.ctx.mountLayout?.(this.id, v, this.body);
    else this.body.replaceChildren();
  }
}

export function isSubLayout(v: unknown): v is SubLayout {
  if (typeof v !== "object" || v === null) return false;
  const spec = v as { [key: string]: unknown };
  return typeof spec["layout"] === "object" && typeof spec["components"] === "object" && Array.isArray(spec["fns"]);
}

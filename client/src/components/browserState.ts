// browserstate (gr.BrowserState): not drawn; its value lives in the page's localStorage, so it
// outlives a reload. A stored value is sent to the server when the view is made; a value the
// server sends is stored.

import type { Props, Value } from "../protocol/messages";
import { str } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class BrowserStateView extends ComponentView {
  private readonly key: string;
  private value: Value;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "browserstate", props, ctx);
    this.root.hidden = true;
    this.key = str(props, "storage_key") ?? `reactive:${location.pathname}:${id}`;
    this.value = props["value"] ?? null;
    const stored = read(this.key);
    if (stored !== undefined) {
      this.value = stored;
      ctx.input(id, stored);
    }
  }

  update(v: Value): void {
    this.value = v;
    try {
      localStorage.setItem(this.key, JSON.stringify(v));
    } catch (err) {
      console.warn("reactive: BrowserState could not be stored", err);
    }
  }

  override current(): Value {
    return this.value;
  }
}

function read(key: string): Value | undefined {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : (JSON.parse(text) as Value);
  } catch {
    return undefined; // storage disabled, or not JSON: start from the default
  }
}

// layoutblock: a layout block (gr.Column, gr.Row, gr.Tab, ...) among a function's outputs, or a
// gr.Tab with a .select listener. Not drawn itself; gr.update(visible=...) on it shows or hides
// the block's element (`target`; for a tab, its button), gr.Tabs(selected=...) opens that tab,
// and a listened tab reports being chosen.

import type { Props, Value } from "../protocol/messages";
import { SELECT_TAB } from "../layout/tabs";
import { bool, str } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class BlockOutputView extends ComponentView {
  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "layoutblock", props, ctx);
    this.root.hidden = true;
    // The layout is drawn after the views: find the block's element then.
    queueMicrotask(() => {
      this.apply();
      const events = props["events"];
      if (Array.isArray(events) && events.includes("select")) this.watchTab(ctx);
    });
  }

  update(_v: Value): void {}

  override setProps(p: Props): void {
    this.props = { ...this.props, ...p };
    this.apply();
  }

  private element(): HTMLElement | null {
    const target = str(this.props, "target");
    return target === null ? null : document.getElementById(target);
  }

  private apply(): void {
    const block = this.element();
    if (block === null) return;
    const selected = this.props["selected"];
    if (selected !== undefined && selected !== null) chooseTab(block, selected);
    const shown = bool(this.props, "visible", true);
    if (block.getAttribute("role") !== "tabpanel") {
      block.hidden = !shown;
      return;
    }
    const button = tabButton(block);
    if (button === null) return;
    button.toggleAttribute("hidden", !shown); // the panel's hidden is the selection
    button.disabled = !bool(this.props, "interactive", true);
    const label = str(this.props, "label");
    if (label !== null) button.textContent = label;
  }

  /** A tab's .select: sent when its panel is shown by a click or a key. */
  private watchTab(ctx: ViewContext): void {
    const panel = this.element();
    if (panel === null || panel.getAttribute("role") !== "tabpanel") return;
    new MutationObserver(() => {
      if (panel.hidden) return;
      const index = [...(panel.parentElement?.querySelectorAll(":scope > [role=tabpanel]") ?? [])].indexOf(panel);
      ctx.trigger(this.id, "select", { index, value: tabButton(panel)?.textContent ?? "", selected: true });
    }).observe(panel, { attributes: true, attributeFilter: ["hidden"] });
  }
}

/** gr.Tabs(selected=...) returned by a function: open that tab (an index or a label). */
function chooseTab(tabs: HTMLElement, selected: Value): void {
  const buttons = [...tabs.querySelectorAll<HTMLButtonElement>(":scope > .rx-tablist > [role=tab]")];
  const index = typeof selected === "number" ? selected : buttons.findIndex((b) => b.textContent === String(selected));
  if (index >= 0) tabs.dispatchEvent(new CustomEvent(SELECT_TAB, { detail: index }));
}

function tabButton(panel: HTMLElement): HTMLButtonElement | null {
  return document.querySelector<HTMLButtonElement>(`[aria-controls="${CSS.escape(panel.id)}"]`);
}

// Tabs: a tablist of buttons and one panel per tab node; a click or the arrow keys switch
// (WAI-ARIA tabs pattern: roving tabindex, Home/End). `selected` names a tab by label or index.
// A walkthrough (gr.Walkthrough) is the same, its tabs drawn as numbered steps.

import type { LayoutNode } from "../protocol/messages";
import { bool, str } from "../components/props";
import { childrenOf, propsOf } from "./nodes";

type Fill = (panel: HTMLElement, children: readonly (LayoutNode | string)[]) => void;

let counter = 0;

/** The event a tabs box listens to for opening a tab by index (`detail`), as a click would. */
export const SELECT_TAB = "rx-select-tab";

export function renderTabs(node: LayoutNode, fill: Fill): HTMLElement {
  const box = document.createElement("div");
  box.className = "rx-layout rx-tabs";
  const steps = bool(propsOf(node), "walkthrough", false); // gr.Walkthrough: numbered steps
  if (steps) box.classList.add("rx-walkthrough");
  const list = document.createElement("div");
  list.className = "rx-tablist";
  list.setAttribute("role", "tablist");
  box.append(list);
  const tabs: HTMLButtonElement[] = [];
  const panels: HTMLElement[] = [];
  const prefix = `rx-tabs-${++counter}`;
  for (const child of childrenOf(node)) {
    if (typeof child === "string" || child.type !== "tab") continue;
    const props = propsOf(child);
    const index = tabs.length;
    const tab = document.createElement("button");
    tab.type = "button";
    tab.className = "rx-tab";
    tab.setAttribute("role", "tab");
    tab.id = `${prefix}-tab-${index}`;
    tab.textContent = str(props, "label") ?? `Tab ${index + 1}`;
    if (steps) tab.dataset["step"] = String(index + 1);
    tab.hidden = !bool(props, "visible", true);
    tab.disabled = !bool(props, "interactive", true); // gr.Tab(interactive=False): not clickable
    const panel = document.createElement("div");
    panel.className = "rx-layout rx-column rx-tabpanel";
    panel.setAttribute("role", "tabpanel");
    panel.id = str(props, "elem_id") ?? `${prefix}-panel-${index}`;
    panel.setAttribute("aria-labelledby", tab.id);
    tab.setAttribute("aria-controls", panel.id);
    fill(panel, childrenOf(child));
    tab.addEventListener("click", () => {
      select(index);
      reveal(list, tab);
    });
    tab.addEventListener("keydown", (e) => onKey(e, index));
    tabs.push(tab);
    panels.push(panel);
    list.append(tab);
    box.append(panel);
  }
  const select = (index: number): void => {
    tabs.forEach((tab, i) => {
      const on = i === index;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = panels[i];
      if (panel !== undefined) panel.hidden = !on;
    });
  };
  const onKey = (e: KeyboardEvent, index: number): void => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    let next = step === 0 ? -1 : (index + step + tabs.length) % tabs.length;
    if (e.key === "Home") next = 0;
    if (e.key === "End") next = tabs.length - 1;
    if (next < 0 || tabs[next]?.disabled === true) return;
    e.preventDefault();
    select(next);
    tabs[next]?.focus();
    const shown = tabs[next];
    if (shown !== undefined) reveal(list, shown);
  };
  select(initial(propsOf(node)["selected"], tabs));
  // gr.Tabs(selected=...) from a function opens a tab even while its title is disabled (the
  // function may enable it in the same update, applied in any order).
  box.addEventListener(SELECT_TAB, (e) => {
    const index = (e as CustomEvent<number>).detail;
    if (tabs[index] === undefined || tabs[index].getAttribute("aria-selected") === "true") return;
    select(index);
  });
  return box;
}

/** Scrolls a tablist wider than the screen so the chosen tab is wholly in view. */
function reveal(list: HTMLElement, tab: HTMLElement): void {
  const left = tab.offsetLeft - list.offsetLeft;
  if (left < list.scrollLeft) list.scrollLeft = left;
  else if (left + tab.offsetWidth > list.scrollLeft + list.clientWidth) list.scrollLeft = left + tab.offsetWidth - list.clientWidth;
}

function initial(selected: unknown, tabs: readonly HTMLButtonElement[]): number {
  if (typeof selected === "number") return Math.max(0, Math.min(tabs.length - 1, selected));
  if (typeof selected === "string") {
    const found = tabs.findIndex((t) => t.textContent === selected);
    if (found >= 0) return found;
  }
  return 0;
}

// Draws welcome.app.layout: column / row / group / tabs / tab / accordion / draggable nodes whose children
// are nodes or component ids. Any other node type is drawn as a column. A component the layout
// does not place is added at the end.

import type { LayoutNode, Props } from "../protocol/messages";
import { bool, classes, num, str } from "../components/props";
import { childrenOf, propsOf } from "./nodes";
import { renderDraggable } from "./draggable";
import { renderTabs } from "./tabs";

export type Place = (id: string) => HTMLElement | undefined;

const BOXES = new Set(["row", "column", "group"]);

export function renderLayout(node: LayoutNode, place: Place, all: readonly string[]): HTMLElement {
  const placed = new Set<string>();
  const top = renderNode(node, place, placed);
  for (const id of all) {
    const child = placed.has(id) ? undefined : place(id);
    if (child !== undefined) top.append(child);
  }
  return top;
}

function renderNode(node: LayoutNode, place: Place, placed: Set<string>): HTMLElement {
  const props = propsOf(node);
  let box: HTMLElement;
  if (node.type === "tabs") {
    box = renderTabs(node, (parent, children) => fill(parent, children, place, placed));
  } else if (node.type === "draggable") {
    const holder = document.createElement("div");
    fill(holder, childrenOf(node), place, placed);
    box = renderDraggable(str(props, "orientation") ?? "column", [...holder.children] as HTMLElement[]);
  } else if (node.type === "accordion") {
    box = accordion(props);
    fill(box.lastElementChild as HTMLElement, childrenOf(node), place, placed);
  } else {
    const type = BOXES.has(node.type) ? node.type : "column";
    box = document.createElement("div");
    box.className = `rx-layout rx-${type}`;
    if (node.type !== type) box.dataset["layout"] = String(node.type);
    if (bool(props, "equal_height", false)) box.classList.add("rx-equal-height");
    fill(box, childrenOf(node), place, placed);
  }
  decorate(box, props);
  return box;
}

function fill(box: HTMLElement, children: readonly (LayoutNode | string)[], place: Place, placed: Set<string>): void {
  for (const child of children) {
    if (typeof child !== "string") {
      box.append(renderNode(child, place, placed));
      continue;
    }
    const element = placed.has(child) ? undefined : place(child);
    if (element === undefined) continue;
    placed.add(child);
    box.append(element);
  }
}

function accordion(props: Props): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "rx-layout rx-accordion";
  details.open = bool(props, "open", true);
  const summary = document.createElement("summary");
  summary.textContent = str(props, "label") ?? "";
  const body = document.createElement("div");
  body.className = "rx-layout rx-column rx-accordion-body";
  details.append(summary, body);
  return details;
}

/** elem_id, elem_classes, visible, and a column's scale and min_width. */
function decorate(box: HTMLElement, props: Props): void {
  const id = str(props, "elem_id");
  if (id !== null) box.id = id;
  box.classList.add(...classes(props));
  box.hidden = !bool(props, "visible", true);
  const scale = num(props, "scale");
  if (scale !== null) box.style.flexGrow = String(scale);
  const minWidth = num(props, "min_width");
  if (minWidth !== null) box.style.minWidth = `min(${minWidth}px, 100%)`;
}

// Draws welcome.app.layout: column / row nodes (any other node type is drawn as a column) whose
// children are nodes or component ids. A component the layout does not place is added at the end.

import type { LayoutNode, Props } from "../protocol/messages";
import { bool, classes } from "../components/props";

export type Place = (id: string) => HTMLElement | undefined;

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
  const type = node.type === "row" ? "row" : "column";
  const props: Props = typeof node.props === "object" && node.props !== null ? node.props : {};
  const box = document.createElement("div");
  box.className = `rx-layout rx-${type}`;
  if (node.type !== type) box.dataset["layout"] = String(node.type);
  box.classList.add(...classes(props));
  box.hidden = !bool(props, "visible", true);
  for (const child of Array.isArray(node.children) ? node.children : []) {
    if (typeof child !== "string") {
      box.append(renderNode(child, place, placed));
      continue;
    }
    const element = placed.has(child) ? undefined : place(child);
    if (element === undefined) continue;
    placed.add(child);
    box.append(element);
  }
  return box;
}

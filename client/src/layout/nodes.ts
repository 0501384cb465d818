// Typed reads of a layout node (docs/protocol.md, "App"), with fallbacks for malformed ones.

import type { LayoutNode, Props } from "../protocol/messages";

export function propsOf(node: LayoutNode): Props {
  return typeof node.props === "object" && node.props !== null ? node.props : {};
}

export function childrenOf(node: LayoutNode): readonly (LayoutNode | string)[] {
  return Array.isArray(node.children) ? node.children : [];
}

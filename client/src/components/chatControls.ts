// A chat's controls: the toolbar (copy all, Retry / Undo / Clear of a ChatInterface), the small
// icon buttons under messages, and the log's size from the props.

import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { bool } from "./props";

/** What a ChatInterface lets its chat view do (prop `chat`; docs/protocol.md). */
export interface Controls {
  retry?: string;
  undo?: string;
  clear?: string;
  input?: string;
  multimodal?: boolean;
  stop?: string[];
  stop_label?: string;
  save_history?: boolean;
  resubmit?: boolean;
  flag?: string;
}

/** Copy all (when `transcript` is given), then Retry / Undo / Clear, each clicking its button. */
export function toolbar(c: Controls, click: (button: string) => void, transcript: (() => string) | null): HTMLElement {
  const bar = el("div", "rx-chat-toolbar");
  if (transcript !== null) bar.append(action("Copy conversation", "⧉", () => void navigator.clipboard?.writeText(transcript())));
  const buttons: [string, string, string | undefined][] = [["Retry", "↻", c.retry], ["Undo", "↶", c.undo], ["Clear", "✕", c.clear]];
  for (const [label, icon, id] of buttons) if (id !== undefined) bar.append(action(label, icon, () => click(id)));
  bar.hidden = bar.childElementCount === 0;
  return bar;
}

export function action(label: string, icon: string, run: () => void): HTMLButtonElement {
  const b = el("button", "rx-msg-action", icon);
  b.type = "button";
  b.title = label;
  b.setAttribute("aria-label", label);
  b.addEventListener("click", run);
  return b;
}

export function sizeLog(log: HTMLElement, props: Props): void {
  const css = (v: Value | undefined): string => (typeof v === "number" ? `${v}px` : typeof v === "string" ? v : "");
  log.style.height = css(props["height"]);
  log.style.minHeight = css(props["min_height"]);
  log.style.maxHeight = css(props["max_height"]);
  if (!bool(props, "resizable", true)) log.style.resize = "none";
}

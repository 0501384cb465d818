// A chatbot's examples (Chatbot(examples=)): cards shown while the conversation is empty, each
// with its icon, its display text (or text) and its files' names. A click reports only the
// card's index; the server fills the example itself (docs/chat.md, example_select).

import type { Value } from "../protocol/messages";
import { el } from "./dom";

/** The cards for the `examples` prop, or null when there are none. */
export function drawExamples(examples: Value | undefined, pick: (index: number) => void): HTMLElement | null {
  if (!Array.isArray(examples) || examples.length === 0) return null;
  const box = el("div", "rx-chat-examples");
  examples.forEach((example, index) => {
    if (!isRecord(example)) return;
    const card = el("button", "rx-chat-example");
    card.type = "button";
    card.dataset["index"] = String(index);
    const icon = iconOf(example["icon"]);
    if (icon !== null) card.append(icon);
    card.append(el("span", "rx-chat-example-text", typeof example["text"] === "string" ? example["text"] : ""));
    const files = example["files"];
    if (Array.isArray(files) && files.length > 0) {
      const list = el("ul", "rx-chat-example-files");
      for (const name of files) list.append(el("li", "rx-chat-example-file", String(name)));
      card.append(list);
    }
    card.addEventListener("click", () => pick(index));
    box.append(card);
  });
  return box;
}

function isRecord(v: Value | undefined): v is Record<string, Value> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** An image value ({url} or {mime, data}) as an <img>; its object URL lives as long as the page. */
function iconOf(v: Value | undefined): HTMLImageElement | null {
  if (!isRecord(v)) return null;
  const img = el("img", "rx-chat-example-icon");
  img.alt = "";
  if (typeof v["url"] === "string") img.src = v["url"];
  else if (v["data"] instanceof Uint8Array) {
    img.src = URL.createObjectURL(new Blob([v["data"] as Uint8Array<ArrayBuffer>], { type: String(v["mime"]) }));
  } else return null;
  return img;
}

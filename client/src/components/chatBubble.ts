// Draws one chat message's body: Markdown text, a file (picture, sound, film or download), a
// component's own view, or a list of those (Gradio 6's parts); a message with metadata is a
// collapsed thought (<details>) whose summary shows its title and status, open while pending.

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import type { ChatMessage } from "./chatMessage";
import { el } from "./dom";
import { downloadType } from "./downloadType";
import { marked } from "marked";
import { renderMarkdown } from "./markdown";
import { sanitizeHtml } from "./sanitize";
import type { ComponentView } from "./view";

/** Makes the view of a component shown inside a message (the registry's factory). */
export type NestedView = (id: string, type: string, props: Props) => ComponentView;

/** What a drawn message holds that must be freed when it is drawn again. */
export interface Drawn {
  urls: string[];
  views: ComponentView[];
}

export function drawContent(m: ChatMessage, key: string, markdown: boolean, nested: NestedView, held: Drawn): HTMLElement {
  const c = m.content;
  if (typeof c === "string") {
    const body = el("div", "rx-md");
    if (markdown) body.innerHTML = renderMarkdown(c);
    else body.textContent = c;
    return body;
  }
  if (Array.isArray(c)) {
    // Gradio 6's list of parts (text, files, components): one after another in one message.
    const parts = el("div", "rx-msg-parts");
    c.forEach((part: Value, i: number) => parts.append(drawContent({ ...m, content: part }, `${key}-${i}`, markdown, nested, held)));
    return parts;
  }
  if (isMap(c) && isMap(c["file"])) return drawFile(c["file"] as Props, held);
  if (isMap(c) && typeof c["component"] === "string") {
    const extra = isMap(c["props"]) ? (c["props"] as Props) : {};
    const label = typeof c["label"] === "string" ? c["label"] : null;
    const props: Props = { ...extra, value: (c["value"] as Value | undefined) ?? null, interactive: false, label, show_label: label !== null };
    const view = nested(key, c["component"], props);
    held.views.push(view);
    view.root.classList.add("rx-msg-component");
    return view.root;
  }
  return el("div", "rx-md", "");
}

function drawFile(file: Props, held: Drawn): HTMLElement {
  const name = typeof file["name"] === "string" ? file["name"] : "file";
  const mime = typeof file["mime"] === "string" ? file["mime"] : "application/octet-stream";
  const data = file["data"];
  if (!(data instanceof Uint8Array)) return el("span", "rx-msg-file", name);
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: downloadType(mime) }));
  held.urls.push(url);
  const alt = typeof file["alt"] === "string" ? file["alt"] : name;
  if (mime.startsWith("image/")) {
    const img = el("img", "rx-msg-image");
    img.src = url;
    img.alt = alt;
    return img;
  }
  if (mime.startsWith("audio/") || mime.startsWith("video/")) {
    const media = el(mime.startsWith("audio/") ? "audio" : "video", "rx-msg-media");
    media.controls = true;
    media.src = url;
    return media;
  }
  const link = el("a", "rx-download rx-msg-file", name);
  link.href = url;
  link.download = name;
  return link;
}

/** A thought or tool call: its title and status in the summary, the text inside. */
export function drawThought(m: ChatMessage, body: HTMLElement, open: boolean | undefined): HTMLDetailsElement {
  const meta = m.metadata ?? {};
  const box = el("details", "rx-thought");
  const pending = meta.status === "pending";
  box.dataset["status"] = pending ? "pending" : "done";
  box.open = open ?? pending;
  const summary = el("summary");
  const title = el("span", "rx-thought-title");
  title.innerHTML = sanitizeHtml(marked.parseInline(meta.title ?? "Thought", { async: false })); // Markdown, as Gradio
  summary.append(title);
  if (pending) summary.append(el("span", "rx-thought-spinner"));
  if (meta.duration !== undefined) summary.append(el("span", "rx-thought-duration", `${meta.duration.toFixed(1)}s`));
  const inner = el("div", "rx-thought-body");
  inner.append(body);
  if (meta.log !== undefined) inner.append(el("pre", "rx-thought-log", meta.log));
  box.append(summary, inner);
  return box;
}

export function release(held: Drawn): void {
  for (const url of held.urls) URL.revokeObjectURL(url);
  for (const view of held.views) view.dispose();
  held.urls = [];
  held.views = [];
}

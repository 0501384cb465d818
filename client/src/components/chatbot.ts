// chatbot: messages [{role, content}] as bubbles whose content is Markdown (sanitized, code
// blocks kept). An append delta grows the last message; only that bubble is drawn again, once
// per frame. Stays scrolled to the newest message unless the reader scrolled up.

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import { canAppend } from "../render/append";
import { el } from "./dom";
import { renderMarkdown } from "./markdown";
import { num, str } from "./props";
import { ComponentView, type ViewContext } from "./view";

interface Message {
  role: string;
  content: string;
}

export class ChatbotView extends ComponentView {
  private readonly log: HTMLDivElement;
  private messages: Message[] = [];
  private dirtyFrom = 0; // messages from this index on are redrawn at commit

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "chatbot", props, ctx);
    this.log = el("div", "rx-chat");
    this.log.setAttribute("role", "log");
    const height = num(props, "height");
    if (height !== null) this.log.style.height = `${height}px`;
    const placeholder = str(props, "placeholder");
    if (placeholder !== null) this.log.dataset["placeholder"] = placeholder;
    this.mount(this.log);
    this.update(props["value"] ?? []);
    this.commit();
  }

  update(v: Value): void {
    const next = toMessages(v);
    let same = 0;
    while (same < next.length && same < this.messages.length && sameMessage(next[same], this.messages[same])) same++;
    this.messages = next;
    this.dirtyFrom = Math.min(this.dirtyFrom, same);
  }

  override append(d: string, at: number): boolean {
    const last = this.messages[this.messages.length - 1];
    if (last === undefined || !canAppend(last.content.length, at)) return false;
    last.content += d;
    this.dirtyFrom = Math.min(this.dirtyFrom, this.messages.length - 1);
    return true;
  }

  override commit(): void {
    if (this.dirtyFrom >= this.messages.length && this.log.childElementCount === this.messages.length) return;
    const stick = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 40;
    while (this.log.childElementCount > this.dirtyFrom) this.log.lastElementChild?.remove();
    for (const message of this.messages.slice(this.dirtyFrom)) this.log.append(bubble(message));
    this.dirtyFrom = this.messages.length;
    if (stick) this.log.scrollTop = this.log.scrollHeight;
  }
}

function bubble(message: Message): HTMLElement {
  const box = el("div", "rx-msg");
  box.dataset["role"] = message.role;
  const body = el("div", "rx-md");
  body.innerHTML = renderMarkdown(message.content);
  box.append(body);
  return box;
}

function toMessages(v: Value): Message[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((m: Value) => (isMap(m) ? [{ role: String(m["role"]), content: typeof m["content"] === "string" ? m["content"] : "" }] : []));
}

function sameMessage(a: Message | undefined, b: Message | undefined): boolean {
  return a !== undefined && b !== undefined && a.role === b.role && a.content === b.content;
}

// chatbot: messages as bubbles (Markdown, files, components), thoughts collapsed under their
// title. An append delta grows the last message; only the messages from the first changed one
// are drawn again, once per frame. Stays scrolled to the newest message unless the reader
// scrolled up. Like and edit are page events sent through emitEvent (payloads in docs/chat.md);
// in a ChatInterface (prop `chat`) it also shows Retry / Undo / Clear, Stop while an answer
// streams, and the saved conversations.

import type { Props, RunState, Value } from "../protocol/messages";
import { canAppend } from "../render/append";
import { drawContent, drawThought, release, type Drawn, type NestedView } from "./chatBubble";
import { action, sizeLog, toolbar, type Controls } from "./chatControls";
import { drawExamples } from "./chatExamples";
import { SavedChats } from "./chatSaved";
import { sameMessage, textOf, toMessages, toPageValue, toWire, type ChatMessage } from "./chatMessage";
import { COPY_EVENT } from "./copyButton";
import { el } from "./dom";
import { renderMarkdown } from "./markdown";
import { str } from "./props";
import { ComponentView, type ViewContext } from "./view";


/** The page events a chat view reports (payloads in docs/chat.md). */
type ChatEvent = "like" | "edit" | "option_select" | "example_select" | "retry" | "undo";

export class ChatbotView extends ComponentView {
  private readonly log: HTMLDivElement;
  private readonly stopButton: HTMLButtonElement | null = null;
  private readonly controls: Controls;
  private readonly saved: SavedChats | null = null;
  private messages: ChatMessage[] = [];
  private drawn: { node: HTMLElement; held: Drawn }[] = [];
  private dirtyFrom = 0; // messages from this index on are drawn again at commit
  private readonly opened = new Map<number, boolean>(); // thoughts the reader opened or closed
  private readonly liked = new Map<number, string>();

  constructor(id: string, props: Props, ctx: ViewContext, private readonly nested: NestedView) {
    super(id, "chatbot", props, ctx);
    this.controls = (props["chat"] ?? {}) as Controls;
    const box = el("div", "rx-chat-box");
    this.log = el("div", "rx-chat");
    this.log.setAttribute("role", "log");
    sizeLog(this.log, props);
    if (props["layout"] === "panel") this.log.classList.add("rx-chat-panel");
    if (props["rtl"] === true) this.log.dir = "rtl";
    const copyAll = this.props["show_copy_all_button"] === true ? () => this.transcript() : null;
    box.append(toolbar(this.controls, (c) => this.ctx.trigger(c, "click"), copyAll), this.log);
    if (this.controls.save_history === true) {
      this.saved = new SavedChats(id, () => this.messages.map(toWire), (m) => this.open(m));
      box.prepend(this.saved.element);
      box.classList.add("rx-chat-with-saved");
    }
    if (this.controls.stop !== undefined) {
      this.stopButton = el("button", "rx-chat-stop", this.controls.stop_label ?? "Stop");
      this.stopButton.type = "button";
      this.stopButton.hidden = true;
      this.stopButton.addEventListener("click", () => this.stop());
      box.append(this.stopButton);
    }
    this.mount(box);
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

  override current(): Value {
    return this.messages.map(toWire);
  }

  override append(d: string, at: number): boolean {
    const last = this.messages[this.messages.length - 1];
    const text = last === undefined ? null : textOf(last);
    if (last === undefined || text === null || !canAppend(text.length, at)) return false;
    last.content = text + d;
    this.dirtyFrom = Math.min(this.dirtyFrom, this.messages.length - 1);
    return true;
  }

  override status(s: RunState, pos?: number, msg?: string): void {
    super.status(s, pos, msg);
    const busy = s === "running" || s === "queued";
    if (this.stopButton !== null) this.stopButton.hidden = !busy;
    if (!busy) this.saveConversation();
  }

  override dispose(): void {
    for (const d of this.drawn) release(d.held);
  }

  override commit(): void {
    this.showPlaceholder(this.messages.length === 0);
    if (this.dirtyFrom >= this.messages.length && this.drawn.length === this.messages.length) return;
    const stick = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 40;
    for (const d of this.drawn.splice(this.dirtyFrom)) {
      d.node.remove();
      release(d.held);
    }
    for (let i = this.drawn.length; i < this.messages.length; i++) this.drawMessage(i);
    this.dirtyFrom = this.messages.length;
    if (stick && this.props["autoscroll"] !== false) this.log.scrollTop = this.log.scrollHeight;
  }

  // ---------------------------------------------------------------- drawing

  private drawMessage(i: number): void {
    const m = this.messages[i] as ChatMessage;
    const held: Drawn = { urls: [], views: [] };
    const body = drawContent(m, `${this.id}--m${i}`, this.props["render_markdown"] !== false, this.nested, held);
    const node = m.metadata?.title !== undefined ? this.thought(m, body, i) : this.bubble(m, body, i);
    this.drawn.push({ node, held });
    this.parentOf(m, i).append(node);
  }

  private thought(m: ChatMessage, body: HTMLElement, i: number): HTMLElement {
    const box = drawThought(m, body, this.opened.get(i));
    box.dataset["index"] = String(i);
    // Only the reader's own clicks are kept (a drawn-open pending thought fires "toggle" too).
    box.querySelector("summary")?.addEventListener("click", () => this.opened.set(i, !box.open));
    if (m.metadata?.id !== undefined) box.dataset["thoughtId"] = m.metadata.id;
    return box;
  }

  /** A thought whose parent_id names an earlier thought goes inside it. */
  private parentOf(m: ChatMessage, i: number): HTMLElement {
    const parent = m.metadata?.parent_id;
    if (parent === undefined) return this.log;
    for (let j = i - 1; j >= 0; j--) {
      const node = this.drawn[j]?.node;
      if (node?.dataset["thoughtId"] === parent) return node.querySelector(":scope > .rx-thought-body") ?? this.log;
    }
    return this.log;
  }

  private bubble(m: ChatMessage, body: HTMLElement, i: number): HTMLElement {
    const row = el("div", "rx-msg-row");
    row.dataset["role"] = m.role;
    row.dataset["index"] = String(i);
    const avatar = this.avatar(m.role);
    if (avatar !== null) row.append(avatar);
    const column = el("div", "rx-msg-column");
    const bubble = el("div", "rx-msg");
    bubble.dataset["role"] = m.role;
    bubble.append(body);
    column.append(bubble);
    if (m.options.length > 0) column.append(this.options(m, i));
    const actions = this.actions(m, i, bubble);
    if (actions.childElementCount > 0) column.append(actions);
    row.append(column);
    return row;
  }

  private avatar(role: string): HTMLElement | null {
    const avatars = this.props["avatars"];
    if (!Array.isArray(avatars)) return null;
    const image: Value | undefined = avatars[role === "user" ? 0 : 1];
    if (image === null || image === undefined || typeof image !== "object" || Array.isArray(image)) return null;
    const img = el("img", "rx-avatar");
    const source = image as Record<string, Value>;
    if (typeof source["url"] === "string") img.src = source["url"];
    else if (source["data"] instanceof Uint8Array) {
      img.src = URL.createObjectURL(new Blob([source["data"] as Uint8Array<ArrayBuffer>], { type: String(source["mime"]) }));
    }
    img.alt = role;
    return img;
  }

  private options(m: ChatMessage, i: number): HTMLElement {
    const box = el("div", "rx-msg-options");
    for (const option of m.options) {
      const b = el("button", "rx-msg-option", option.label);
      b.type = "button";
      b.addEventListener("click", () => {
        this.emitEvent("option_select", { index: i, value: option.value });
        this.send(option.value);
      });
      box.append(b);
    }
    return box;
  }

  private actions(m: ChatMessage, i: number, bubble: HTMLElement): HTMLElement {
    const box = el("div", "rx-msg-actions");
    const text = textOf(m);
    if (this.props["show_copy_button"] === true && text !== null) {
      box.append(action("Copy", "⧉", () => this.copy(text)));
    }
    const editable = str(this.props, "editable");
    if (text !== null && (editable === "all" || (editable === "user" && m.role === "user"))) {
      box.append(action("Edit", "✎", () => this.edit(i, bubble)));
    }
    if (m.role === "assistant" && i === this.messages.length - 1) this.turnActions(box);
    const likeable = m.role === "assistant" || (m.role === "user" && this.props["like_user_message"] === true);
    if (likeable && this.props["likeable"] === true) this.feedback(box, i);
    return box;
  }

  /** A message's copy button: the text goes on the clipboard, then the press is told to the
   * root as a copy button's is (copyButton.ts), which ui/listen.ts sends on when an app listens
   * (chatbot.copy, gr.CopyData: the message's text, as Gradio gives it). */
  private copy(text: string): void {
    const written = navigator.clipboard?.writeText(text) ?? Promise.resolve();
    void written.catch(() => undefined).then(() => this.root.dispatchEvent(new CustomEvent(COPY_EVENT, { detail: { value: text } })));
  }

  /** Retry and Undo under the last answer, when the app listens (chatbot.retry / .undo). */
  private turnActions(box: HTMLElement): void {
    const events = this.props["events"];
    if (!Array.isArray(events)) return;
    const turn: ["retry" | "undo", string, string][] = [["retry", "Retry", "↻"], ["undo", "Undo", "↶"]];
    for (const [kind, label, icon] of turn) {
      if (events.includes(kind)) box.append(action(label, icon, () => this.emitTurn(kind)));
    }
  }

  /** A retry or undo names the person's last message: its index and its text (Gradio's data). */
  private emitTurn(kind: "retry" | "undo"): void {
    let i = this.messages.length - 1;
    while (i >= 0 && this.messages[i]?.role === "assistant") i--;
    if (i < 0) return;
    this.emitEvent(kind, { index: i, value: textOf(this.messages[i] as ChatMessage) });
  }

  private feedback(box: HTMLElement, i: number): void {
    const options = Array.isArray(this.props["feedback_options"]) ? this.props["feedback_options"].map(String) : [];
    const answer = this.messages[i]?.role === "assistant";
    const given = answer && Array.isArray(this.props["feedback_value"]) ? this.props["feedback_value"][this.answerIndex(i)] : undefined;
    const chosen = this.liked.get(i) ?? (typeof given === "string" ? given : undefined);
    for (const option of options) {
      const icon = option === "Like" ? "▲" : option === "Dislike" ? "▼" : option;
      const b = action(option, icon, () => this.like(i, option, box));
      b.dataset["feedback"] = option;
      b.setAttribute("aria-pressed", String(chosen === option));
      box.append(b);
    }
  }

  /**
   * Which answer message `i` belongs to, as Gradio counts for `feedback_value`: consecutive
   * assistant messages are one answer.
   */
  private answerIndex(i: number): number {
    let answers = 0;
    for (let j = 1; j <= i; j++) {
      if (this.messages[j]?.role === "assistant" && this.messages[j - 1]?.role !== "assistant") answers++;
    }
    return this.messages[0]?.role === "assistant" ? answers : answers - 1;
  }

  /** The placeholder (Markdown) and the examples below it, while the conversation is empty. */
  private showPlaceholder(empty: boolean): void {
    const shown = this.log.querySelector(":scope > .rx-chat-placeholder");
    const text = str(this.props, "placeholder");
    if (!empty || text === null) {
      shown?.remove();
    } else if (shown === null) {
      const box = el("div", "rx-chat-placeholder rx-md");
      box.innerHTML = renderMarkdown(text);
      this.log.prepend(box);
    }
    this.showExamples(empty);
  }

  private showExamples(empty: boolean): void {
    const shown = this.log.querySelector(":scope > .rx-chat-examples");
    if (!empty) return shown?.remove();
    if (shown !== null) return;
    const cards = drawExamples(this.props["examples"], (index) => this.emitEvent("example_select", { index }));
    if (cards !== null) this.log.append(cards);
  }

  // ---------------------------------------------------------------- what the reader does

  private like(i: number, option: string, box: HTMLElement): void {
    const undo = this.liked.get(i) === option;
    if (undo) this.liked.delete(i);
    else this.liked.set(i, option);
    for (const b of box.querySelectorAll<HTMLElement>("[data-feedback]")) {
      b.setAttribute("aria-pressed", String(!undo && b.dataset["feedback"] === option));
    }
    const m = this.messages[i] as ChatMessage;
    const liked: Value = undo ? null : option === "Like" ? true : option === "Dislike" ? false : option;
    this.emitEvent("like", { index: i, value: m.content, liked });
    const flag = this.controls.flag;
    if (flag !== undefined) {
      // ChatInterface(flagging_mode="manual"): the flag goes to the server through a hidden box.
      this.ctx.input(flag, JSON.stringify({ index: i, flag: undo ? null : option }));
      this.ctx.trigger(flag, "submit");
    }
  }

  private edit(i: number, bubble: HTMLElement): void {
    const m = this.messages[i] as ChatMessage;
    const previous = textOf(m) ?? "";
    const area = el("textarea", "rx-msg-edit");
    area.value = previous;
    area.rows = Math.min(8, previous.split("\n").length + 1);
    const save = action("Save", "Save", () => this.saveEdit(i, area.value, previous));
    const cancel = action("Cancel", "Cancel", () => {
      this.dirtyFrom = Math.min(this.dirtyFrom, i);
      this.commit();
    });
    const buttons = el("div", "rx-msg-edit-buttons");
    buttons.append(cancel, save);
    bubble.replaceChildren(area, buttons);
    bubble.classList.add("rx-editing");
    area.focus();
  }

  private saveEdit(i: number, value: string, previous: string): void {
    const m = this.messages[i] as ChatMessage;
    m.content = value;
    this.dirtyFrom = Math.min(this.dirtyFrom, i);
    this.emitEvent("edit", { index: i, value, previous_value: previous });
    if (this.controls.resubmit === true && m.role === "user") {
      // ChatInterface(editable=True): the conversation before this message, then ask it again.
      this.messages = this.messages.slice(0, i);
      this.changed(toPageValue(this.messages));
      this.send(value);
    } else {
      this.changed(toPageValue(this.messages));
    }
    this.commit();
  }

  /** Sends `text` as the person's next message, through the chat's message box. */
  private send(text: string): void {
    const box = this.controls.input;
    if (box === undefined) return;
    this.ctx.input(box, this.controls.multimodal === true ? { text, files: [] } : text);
    this.ctx.trigger(box, "submit");
  }

  private stop(): void {
    for (const f of this.controls.stop ?? []) this.ctx.cancel?.(f);
  }

  /**
   * The one way this view reports a page event (like, edit, option_select, example_select, retry, undo): a DOM event on the
   * root always, and a trigger with its data for the server when a listener is attached
   * (prop `events`). Payloads: docs/chat.md.
   */
  private emitEvent(kind: ChatEvent, data: Value): void {
    this.root.dispatchEvent(new CustomEvent("rx-event", { bubbles: true, detail: { kind, data } }));
    const events = this.props["events"];
    if (Array.isArray(events) && events.includes(kind)) this.ctx.trigger(this.id, kind, data);
  }

  // ---------------------------------------------------------------- toolbar and saved chats

  private transcript(): string {
    return this.messages.map((m) => `${m.role}: ${textOf(m) ?? "[file]"}`).join("\n\n");
  }

  /** Shows a saved (or a new, empty) conversation, and tells the server it is the history now. */
  private open(messages: Value[]): void {
    this.update(messages);
    this.dirtyFrom = 0;
    this.changed(toPageValue(this.messages));
    this.commit();
  }

  private saveConversation(): void {
    this.saved?.save(this.messages.map(toWire));
  }
}

// ChatInterface(save_history=True): conversations kept in this browser's localStorage, one list
// per page and chatbot. Files are kept by name only (localStorage holds text, and little of it).

import { isMap } from "../protocol/codec";
import type { Value } from "../protocol/messages";

export interface SavedChat {
  id: string;
  title: string;
  messages: Value[];
}

export class ChatHistory {
  private readonly key: string;
  chats: SavedChat[];

  constructor(component: string) {
    this.key = `rx-chat-history:${location.pathname}:${component}`;
    this.chats = this.read();
  }

  /** Keeps `messages` as conversation `id` (first in the list); an empty one is not kept. */
  save(id: string, messages: readonly Value[]): void {
    const rest = this.chats.filter((c) => c.id !== id);
    if (messages.length === 0) {
      this.chats = rest;
    } else {
      this.chats = [{ id, title: titleOf(messages), messages: messages.map(storable) }, ...rest];
    }
    this.write();
  }

  remove(id: string): void {
    this.chats = this.chats.filter((c) => c.id !== id);
    this.write();
  }

  private read(): SavedChat[] {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(this.key) ?? "[]");
      return Array.isArray(parsed) ? (parsed as SavedChat[]).filter((c) => typeof c.id === "string" && Array.isArray(c.messages)) : [];
    } catch {
      return [];
    }
  }

  private write(): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(this.chats));
    } catch {
      // storage full or disabled: the conversation stays on the page only
    }
  }
}

export function newChatId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function titleOf(messages: readonly Value[]): string {
  for (const m of messages) {
    if (!isMap(m) || m["role"] !== "user") continue;
    const content = m["content"];
    // A message of parts (a multimodal turn: files, then text) is titled by its text.
    const parts = Array.isArray(content) ? content : [content ?? ""];
    const text = parts.filter((p): p is string => typeof p === "string").join(" ").trim();
    if (text !== "") return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  }
  return "Conversation";
}

/** A message as kept in localStorage: text as it is, each file by its name only. */
function storable(m: Value): Value {
  if (!isMap(m) || typeof m["content"] === "string") return m;
  const content = m["content"] ?? "";
  const kept = Array.isArray(content) ? content.map(storablePart) : storablePart(content);
  return { ...(m as Record<string, Value>), content: kept };
}

function storablePart(part: Value): Value {
  if (typeof part === "string") return part;
  const file = isMap(part) && isMap(part["file"]) ? part["file"] : null;
  const name = file !== null && typeof file["name"] === "string" ? file["name"] : "attachment";
  return `📎 ${name}`;
}

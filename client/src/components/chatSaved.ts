// The saved conversations beside a chat (ChatInterface(save_history=True)): "+ New chat" and one
// entry per conversation kept in localStorage (chatHistory.ts); a click opens that conversation.

import type { Value } from "../protocol/messages";
import { ChatHistory, newChatId } from "./chatHistory";
import { el } from "./dom";

export class SavedChats {
  readonly element: HTMLElement;
  private readonly history: ChatHistory;
  private readonly list: HTMLUListElement;
  private chatId = newChatId();

  /** `current`: the conversation shown now; `open`: show another (and make it the history). */
  constructor(
    component: string,
    private readonly current: () => Value[],
    private readonly open: (messages: Value[]) => void,
  ) {
    this.history = new ChatHistory(component);
    this.element = el("nav", "rx-chat-saved");
    this.element.setAttribute("aria-label", "Conversations");
    const fresh = el("button", "rx-chat-new", "+ New chat");
    fresh.type = "button";
    fresh.addEventListener("click", () => this.switchTo(newChatId(), []));
    this.list = el("ul", "rx-chat-saved-list");
    this.element.append(fresh, this.list);
    this.draw();
  }

  /** Keeps the conversation shown now (called when an answer has ended). */
  save(messages: Value[]): void {
    this.history.save(this.chatId, messages);
    this.draw();
  }

  private switchTo(id: string, messages: Value[]): void {
    this.history.save(this.chatId, this.current());
    this.chatId = id;
    this.open(messages);
    this.draw();
  }

  private draw(): void {
    this.list.replaceChildren(...this.history.chats.map((chat) => this.entry(chat.id, chat.title, chat.messages)));
  }

  private entry(id: string, title: string, messages: Value[]): HTMLLIElement {
    const li = el("li", "rx-chat-saved-item");
    li.dataset["current"] = String(id === this.chatId);
    const open = el("button", "rx-chat-saved-open", title);
    open.type = "button";
    open.addEventListener("click", () => this.switchTo(id, messages));
    const remove = el("button", "rx-msg-action", "×");
    remove.type = "button";
    remove.title = "Delete conversation";
    remove.setAttribute("aria-label", "Delete conversation");
    remove.addEventListener("click", () => {
      this.history.remove(id);
      if (id === this.chatId) {
        this.chatId = newChatId();
        this.open([]);
      }
      this.draw();
    });
    li.append(open, remove);
    return li;
  }
}

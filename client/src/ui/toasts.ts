// Small dismissable notices (.rx-toast): server `error` frames, and rx.Info / rx.Warning toasts
// (data-level="info|warning|error"). A repeat of the newest message is not stacked again (a bad
// value sent on every keystroke gives one toast); a few at most.

import type { ToastLevel } from "../protocol/messages";

const LIFETIME_MS = 10_000;
const MAX_TOASTS = 4;

export class Toasts {
  private readonly box: HTMLDivElement;

  constructor(parent: HTMLElement) {
    this.box = document.createElement("div");
    this.box.className = "rx-toasts";
    this.box.setAttribute("aria-live", "polite");
    parent.append(this.box);
  }

  /** Shows `msg`; `seconds` null keeps it until dismissed. */
  show(msg: string, level: ToastLevel = "error", seconds: number | null = LIFETIME_MS / 1000): void {
    const last = this.box.lastElementChild;
    if (last instanceof HTMLElement && last.dataset["msg"] === msg) last.remove();
    const toast = document.createElement("div");
    toast.className = "rx-toast";
    toast.dataset["msg"] = msg;
    toast.dataset["level"] = level;
    toast.setAttribute("role", level === "info" ? "status" : "alert");
    const text = document.createElement("span");
    text.textContent = msg;
    const close = document.createElement("button");
    close.type = "button";
    close.className = "rx-toast-close";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "×";
    close.addEventListener("click", () => toast.remove());
    toast.append(text, close);
    this.box.append(toast);
    if (seconds !== null) setTimeout(() => toast.remove(), seconds * 1000);
    while (this.box.childElementCount > MAX_TOASTS) this.box.firstElementChild?.remove();
  }
}

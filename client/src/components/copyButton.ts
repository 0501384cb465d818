// A copy button (Textbox and Markdown, `buttons=["copy"]`): puts the text on the clipboard, then
// tells the component's root with an `rx-copy` event ({value}), which ui/listen.ts sends as the
// `copy` trigger when a listener waits for it (gr.CopyData).

import { el } from "./dom";

export const COPY_EVENT = "rx-copy";

export function copyButton(root: HTMLElement, text: () => string): HTMLButtonElement {
  const button = el("button", "rx-clear rx-copy", "Copy");
  button.type = "button";
  button.addEventListener("click", () => {
    const value = text();
    const written = navigator.clipboard?.writeText(value) ?? Promise.resolve();
    // The press is the event, as in Gradio, whether or not the browser let the page write.
    void written.catch(() => undefined).then(() => root.dispatchEvent(new CustomEvent(COPY_EVENT, { detail: { value } })));
  });
  return button;
}

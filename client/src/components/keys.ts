// Which key press submits a single-line field: a plain Enter, not one that ends an IME composition.

export function isSubmitKey(e: KeyboardEvent): boolean {
  return e.key === "Enter" && !e.isComposing && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey;
}

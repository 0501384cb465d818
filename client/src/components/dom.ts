// Tiny DOM helpers shared by the views (no innerHTML anywhere but sanitized markdown).

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Sets `textContent` only when it changes (no needless layout work on hot paths). */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** A drop zone: takes the first dropped file, and is marked (.rx-dragover) while one is over it. */
export function highlightDrops(zone: HTMLElement, drop: (file: File) => void): void {
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("rx-dragover");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("rx-dragover"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("rx-dragover");
    const file = e.dataTransfer?.files[0];
    if (file !== undefined) drop(file);
  });
}

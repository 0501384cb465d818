// A gr.Draggable block: its children in a row or a column, each in a frame with a handle;
// dragging a handle onto another child moves the dragged one there. The order is the page's
// own (nothing is sent): a dashboard a person arranges.

export function renderDraggable(orientation: string, children: HTMLElement[]): HTMLElement {
  const box = document.createElement("div");
  box.className = `rx-layout rx-${orientation === "row" ? "row" : "column"} rx-draggable`;
  let dragged: HTMLElement | null = null;
  for (const child of children) {
    const item = document.createElement("div");
    item.className = "rx-drag-item";
    const handle = document.createElement("button");
    handle.type = "button";
    handle.className = "rx-drag-handle";
    handle.textContent = "⠿";
    handle.setAttribute("aria-label", "drag to reorder");
    // only the handle starts a drag, so text in the child stays selectable
    handle.addEventListener("pointerdown", () => (item.draggable = true));
    item.addEventListener("dragstart", (e) => {
      dragged = item;
      e.dataTransfer?.setData("text/plain", "");
      item.classList.add("rx-dragging");
    });
    item.addEventListener("dragend", () => {
      item.draggable = false;
      item.classList.remove("rx-dragging");
      dragged = null;
    });
    item.addEventListener("dragover", (e) => {
      if (dragged !== null && dragged !== item) e.preventDefault();
    });
    item.addEventListener("drop", (e) => {
      e.preventDefault();
      if (dragged === null || dragged === item) return;
      const items = [...box.children];
      const before = items.indexOf(dragged) > items.indexOf(item);
      item.parentElement?.insertBefore(dragged, before ? item : item.nextSibling);
    });
    item.append(handle, child);
    box.append(item);
  }
  return box;
}

// fileexplorer: the server's tree of files (props.tree: [path, isFolder, selectable] with "/"
// paths relative to its root) drawn as nested folders (<details>) with a checkbox by each entry
// that may be chosen. Sends the chosen paths as a list; with file_count "single", choosing one
// clears the others. A tree cut short (props.cut) says so at its end.

import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { bool, num, str } from "./props";
import { ComponentView, type ViewContext } from "./view";

interface Entry {
  readonly path: string;
  readonly folder: boolean;
  readonly selectable: boolean;
}

export class FileExplorerView extends ComponentView {
  private readonly boxes = new Map<string, HTMLInputElement>();
  private readonly single: boolean;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "fileexplorer", props, ctx);
    this.single = str(props, "file_count") === "single";
    const tree = el("div", "rx-tree");
    tree.setAttribute("role", "tree");
    const height = num(props, "max_height");
    if (height !== null) tree.style.maxHeight = `${height}px`;
    tree.append(this.branch(entries(props["tree"]), ""));
    if (bool(props, "cut", false)) tree.append(el("p", "rx-tree-cut", "Only the first files are shown."));
    this.mount(tree);
    this.select(props["value"] ?? null);
    ctx.reset(id, this.value());
  }

  update(v: Value): void {
    this.select(v);
    this.ctx.reset(this.id, this.value());
  }

  override current(): Value {
    return this.value();
  }

  /** The entries directly under folder `prefix` ("" for the root), folders first. */
  private branch(all: readonly Entry[], prefix: string): HTMLUListElement {
    const list = el("ul", "rx-tree-level");
    const here = all.filter((e) => parentOf(e.path) === prefix);
    here.sort((a, b) => Number(b.folder) - Number(a.folder) || a.path.localeCompare(b.path));
    for (const entry of here) {
      const item = el("li");
      item.setAttribute("role", "treeitem");
      item.dataset["path"] = entry.path;
      const row = this.row(entry);
      if (entry.folder) {
        const details = el("details");
        const summary = el("summary");
        summary.append(row);
        details.append(summary, this.branch(all, entry.path));
        item.append(details);
      } else {
        item.append(row);
      }
      list.append(item);
    }
    return list;
  }

  private row(entry: Entry): HTMLSpanElement {
    const row = el("span", entry.folder ? "rx-tree-folder" : "rx-tree-file");
    const name = entry.path.slice(entry.path.lastIndexOf("/") + 1);
    if (entry.selectable) {
      const box = el("input");
      box.type = "checkbox";
      box.disabled = !this.interactive;
      box.setAttribute("aria-label", entry.path);
      box.addEventListener("click", (e) => e.stopPropagation()); // not the folder's toggle
      box.addEventListener("change", () => this.picked(entry.path, box.checked));
      this.boxes.set(entry.path, box);
      row.append(box);
    }
    row.append(el("span", "rx-tree-name", name));
    return row;
  }

  private picked(path: string, checked: boolean): void {
    if (this.single && checked) {
      for (const [other, box] of this.boxes) if (other !== path) box.checked = false;
    }
    this.changed(this.value());
  }

  private value(): Value {
    const chosen = [...this.boxes].filter(([, box]) => box.checked).map(([path]) => path);
    return chosen;
  }

  private select(v: Value): void {
    const wanted = new Set(Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);
    for (const [path, box] of this.boxes) box.checked = wanted.has(path);
    for (const path of wanted) this.open(path);
  }

  /** Opens the folders above a chosen file, so it shows. */
  private open(path: string): void {
    for (let parent = parentOf(path); parent !== ""; parent = parentOf(parent)) {
      const details = this.root.querySelector(`li[data-path="${CSS.escape(parent)}"] > details`);
      if (details instanceof HTMLDetailsElement) details.open = true;
    }
  }
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

function entries(v: Value | undefined): Entry[] {
  if (!Array.isArray(v)) return [];
  const found: Entry[] = [];
  for (const item of v) {
    if (Array.isArray(item) && typeof item[0] === "string") {
      found.push({ path: item[0], folder: item[1] === true, selectable: item[2] === true });
    }
  }
  return found;
}

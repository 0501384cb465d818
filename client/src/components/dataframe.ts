// dataframe: a table ({headers, data}); when interactive, every cell is an <input> and a changed
// cell (on change: Enter or leaving it) sends the whole table; "+ Row" adds an empty row (not
// with `rows_fixed`), "+ Column" a column (with `add_columns`: col_count given as dynamic).
// With an .edit listener a changed cell also sends edit {index: [row, column], value,
// previous_value}. A pandas Styler's cell styles (`styles`, a few safe CSS properties the server
// let through) colour the cells.

import { isMap } from "../protocol/codec";
import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { bool, num } from "./props";
import { ComponentView, type ViewContext } from "./view";

interface Table {
  headers: string[];
  data: Value[][];
  styles: Value[][] | null;
}

export class DataFrameView extends ComponentView {
  private readonly table: HTMLTableElement;
  private value: Table = { headers: [], data: [], styles: null };

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "dataframe", props, ctx);
    const box = el("div", "rx-table");
    const height = num(props, "max_height");
    if (height !== null) box.style.maxHeight = `${height}px`;
    this.table = el("table");
    box.append(this.table);
    this.mount(box);
    if (this.interactive) {
      const tools = el("div", "rx-table-tools");
      if (!bool(props, "rows_fixed", false)) tools.append(this.tool("+ Row", () => this.value.data.push(this.value.headers.map(() => null))));
      if (bool(props, "add_columns", false)) {
        tools.append(this.tool("+ Column", () => {
          this.value.headers.push(String(this.value.headers.length + 1));
          for (const row of this.value.data) row.push(null);
        }));
      }
      if (tools.childElementCount > 0) box.after(tools);
    }
    this.update(props["value"] ?? null);
  }

  private tool(text: string, change: () => void): HTMLButtonElement {
    const button = el("button", "rx-clear", text);
    button.type = "button";
    button.addEventListener("click", () => {
      change();
      this.draw();
      this.send();
    });
    return button;
  }

  update(v: Value): void {
    this.value = toTable(v);
    this.draw();
    if (this.interactive) this.ctx.reset(this.id, this.wire());
  }

  override current(): Value {
    return this.wire();
  }

  private wire(): Value {
    return { headers: this.value.headers, data: this.value.data };
  }

  private send(): void {
    this.changed(this.wire());
  }

  private draw(): void {
    const head = el("tr");
    for (const h of this.value.headers) head.append(el("th", undefined, h));
    const thead = el("thead");
    thead.append(head);
    const tbody = el("tbody");
    this.value.data.forEach((row, r) => {
      const tr = el("tr");
      row.forEach((cell, c) => {
        const td = this.cell(cell, r, c);
        const css = this.value.styles?.[r]?.[c];
        if (typeof css === "string") td.style.cssText = css;
        tr.append(td);
      });
      tbody.append(tr);
    });
    this.table.replaceChildren(thead, tbody);
  }

  private cell(cell: Value, r: number, c: number): HTMLTableCellElement {
    const td = el("td");
    const text = cell === null ? "" : String(cell);
    if (!this.interactive) {
      td.textContent = text;
      if (typeof cell === "number") td.className = "rx-num";
      return td;
    }
    const input = el("input");
    input.value = text;
    input.setAttribute("aria-label", `${this.value.headers[c] ?? c + 1}, row ${r + 1}`);
    let previous = cell;
    input.addEventListener("change", () => {
      const row = this.value.data[r];
      if (row === undefined) return;
      row[c] = typed(input.value, cell);
      this.send();
      const events = this.props["events"];
      if (Array.isArray(events) && events.includes("edit")) {
        this.ctx.trigger(this.id, "edit", { index: [r, c], value: row[c] ?? null, previous_value: previous });
      }
      previous = row[c] ?? null;
    });
    td.append(input);
    return td;
  }
}

/** What the person typed, as the type the cell had (numbers stay numbers). */
export function typed(text: string, original: Value): Value {
  const trimmed = text.trim();
  if (typeof original === "number" && trimmed !== "" && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (typeof original === "boolean" && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
  return text;
}

function toTable(v: Value): Table {
  if (!isMap(v)) return { headers: [], data: [], styles: null };
  const headers = Array.isArray(v["headers"]) ? v["headers"].map(String) : [];
  const rows = (x: Value | undefined): Value[][] => (Array.isArray(x) ? x.map((row: Value) => (Array.isArray(row) ? [...row] : [row])) : []);
  return { headers, data: rows(v["data"]), styles: Array.isArray(v["styles"]) ? rows(v["styles"]) : null };
}

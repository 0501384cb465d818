// dataset (Dataset and Examples): a table of samples ({headers, samples: [[cell]]}), paged by
// `per_page`. A click (or Enter / Space) on sample i fills the `targets` with `fills[i]` (Examples),
// sets this input to i and sends a click, so functions triggered by it run on that sample.

import type { Props, Value } from "../protocol/messages";
import { cellOf } from "../ui/examples";
import { el } from "./dom";
import { num } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class DatasetView extends ComponentView {
  private readonly body: HTMLTableSectionElement;
  private readonly pager: HTMLElement;
  private page = 0;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "dataset", props, ctx);
    const box = el("div", "rx-examples");
    const table = el("table");
    const head = el("tr");
    const headers = Array.isArray(props["headers"]) ? props["headers"] : [];
    for (const h of headers) head.append(el("th", undefined, String(h)));
    const thead = el("thead");
    thead.append(head);
    this.body = el("tbody");
    table.append(thead, this.body);
    this.pager = el("div", "rx-pager");
    box.append(table, this.pager);
    this.mount(box);
    this.draw();
  }

  update(_v: Value): void {}

  private samples(): Value[] {
    return Array.isArray(this.props["samples"]) ? this.props["samples"] : [];
  }

  private draw(): void {
    const samples = this.samples();
    const per = Math.max(1, num(this.props, "per_page") ?? 10);
    const pages = Math.ceil(samples.length / per);
    const rows = samples.slice(this.page * per, (this.page + 1) * per).map((sample, k) => this.row(sample, this.page * per + k));
    this.body.replaceChildren(...rows);
    this.pager.replaceChildren(...(pages > 1 ? [...Array(pages).keys()].map((p) => this.pageButton(p)) : []));
  }

  private pageButton(p: number): HTMLButtonElement {
    const b = el("button", "rx-clear", String(p + 1));
    b.type = "button";
    b.setAttribute("aria-current", String(p === this.page));
    b.addEventListener("click", () => {
      this.page = p;
      this.draw();
    });
    return b;
  }

  private row(sample: Value, i: number): HTMLTableRowElement {
    const tr = el("tr", "rx-example");
    tr.tabIndex = 0;
    tr.setAttribute("role", "button");
    tr.setAttribute("aria-label", `Example ${i + 1}`);
    for (const cell of Array.isArray(sample) ? sample : [sample]) tr.append(cellOf(cell));
    tr.addEventListener("click", () => this.pick(i));
    tr.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
      this.pick(i);
    });
    return tr;
  }

  private pick(i: number): void {
    const targets = Array.isArray(this.props["targets"]) ? this.props["targets"] : [];
    const fills = Array.isArray(this.props["fills"]) ? this.props["fills"][i] : undefined;
    targets.forEach((target, j) => {
      if (typeof target === "string" && Array.isArray(fills)) this.ctx.fill?.(target, fills[j] ?? null);
    });
    this.changed(i);
    this.ctx.trigger(this.id, "click");
  }
}

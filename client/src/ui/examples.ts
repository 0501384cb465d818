// The examples table of a function (fn.examples): one row per example, one column per input.
// A click (or Enter / Space on a focused row) asks the server to fill the inputs with it.

import { el } from "../components/dom";
import { toImage } from "../components/imageValue";
import { isMap } from "../protocol/codec";
import type { ExamplesSpec, Value } from "../protocol/messages";

export type PickExample = (f: string, i: number) => void;

export function renderExamples(f: string, spec: ExamplesSpec, pick: PickExample): HTMLElement {
  const box = el("div", "rx-examples");
  box.dataset["fn"] = f;
  const caption = el("div", "rx-examples-title", "Examples");
  const table = el("table");
  const head = el("tr");
  for (const header of spec.headers) head.append(el("th", undefined, header));
  table.append(el("thead"), el("tbody"));
  table.tHead?.append(head);
  spec.rows.forEach((row, i) => {
    const tr = el("tr", "rx-example");
    tr.tabIndex = 0;
    tr.setAttribute("role", "button");
    tr.setAttribute("aria-label", `Example ${i + 1}`);
    for (const cell of row) tr.append(cellOf(cell));
    tr.addEventListener("click", () => pick(f, i));
    tr.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
      pick(f, i);
    });
    table.tBodies[0]?.append(tr);
  });
  box.append(caption, table);
  return box;
}

export function cellOf(v: Value): HTMLTableCellElement {
  const td = el("td");
  const image = toImage(v);
  if (image !== null) {
    const img = el("img");
    img.alt = "";
    img.src = URL.createObjectURL(new Blob([image.data as Uint8Array<ArrayBuffer>], { type: image.mime }));
    td.append(img);
  } else if (isMap(v) && typeof v["url"] === "string") {
    const img = el("img");
    img.alt = "";
    img.src = v["url"];
    td.append(img);
  } else {
    td.textContent = typeof v === "string" ? v : JSON.stringify(v);
  }
  return td;
}

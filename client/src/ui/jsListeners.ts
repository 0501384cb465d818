// JavaScript-only listeners (`btn.click(None, inputs, outputs, js="(x) => ...")`): the page runs
// the function on its triggers with the inputs' current values and shows what it returns in the
// outputs (one value, or an array for several). The server never runs them.

import type { ComponentView } from "../components/view";
import type { FnSpec, Value } from "../protocol/messages";

type Js = (...args: unknown[]) => unknown;

interface Bound {
  readonly fn: Js;
  readonly spec: FnSpec;
}

export class JsListeners {
  private readonly byTrigger = new Map<string, Bound[]>();

  constructor(fns: readonly FnSpec[]) {
    for (const spec of fns) {
      if (spec.js === undefined || spec.triggers === undefined) continue;
      const fn = compile(spec.js);
      if (fn === null) continue;
      for (const [c, e] of spec.triggers) {
        const key = keyOf(c, e);
        this.byTrigger.set(key, [...(this.byTrigger.get(key) ?? []), { fn, spec }]);
      }
    }
  }

  get empty(): boolean {
    return this.byTrigger.size === 0;
  }

  /** Runs the functions bound to component `c`'s event `e` (`c` null for page load). */
  fire(c: string | null, e: string, view: (id: string) => ComponentView | undefined, show: (id: string, v: Value) => void): void {
    for (const { fn, spec } of this.byTrigger.get(keyOf(c, e)) ?? []) {
      const args = spec.inputs.map((id) => view(id)?.current() ?? null);
      void run(fn, args, spec, show);
    }
  }
}

async function run(fn: Js, args: unknown[], spec: FnSpec, show: (id: string, v: Value) => void): Promise<void> {
  try {
    const result = await fn(...args);
    if (spec.outputs.length === 0 || result === undefined) return;
    const values = spec.outputs.length === 1 ? [result] : Array.isArray(result) ? result : [];
    spec.outputs.forEach((id, i) => {
      if (i < values.length) show(id, values[i] as Value);
    });
  } catch (err) {
    console.error(`reactive: the js= listener ${spec.id} failed`, err);
  }
}

function compile(source: string): Js | null {
  try {
    // The app's author wrote this function (js=); the page's CSP allows it only for such apps.
    const made: unknown = new Function(`return (${source});`)();
    return typeof made === "function" ? (made as Js) : null;
  } catch (err) {
    console.error("reactive: a js= listener does not compile", err);
    return null;
  }
}

function keyOf(c: string | null, e: string): string {
  return `${c ?? ""}\u0000${e}`;
}

// `js=` listeners. JavaScript alone (`btn.click(None, inputs, outputs, js="(x) => ...")`): the
// page runs the function on its triggers with the inputs' current values and shows what it
// returns in the outputs (one value, or an array for several). Beside a Python fn (Gradio's
// order): what the JavaScript returns becomes fn's inputs (one value for a single input, else an
// array, extra values dropped), sent as a `call`; the server never runs them on the trigger.

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
  fire(c: string | null, e: string, view: (id: string) => ComponentView | undefined, sink: JsSink): void {
    for (const { fn, spec } of this.byTrigger.get(keyOf(c, e)) ?? []) {
      const args = spec.inputs.map((id) => view(id)?.current() ?? null);
      void run(fn, args, spec, sink);
    }
  }
}

/** Where a js= listener's result goes: the outputs, or the Python fn's call. */
export interface JsSink {
  show(id: string, v: Value): void;
  call(f: string, args: readonly Value[]): void;
  fail(message: string): void;
}

async function run(fn: Js, args: unknown[], spec: FnSpec, sink: JsSink): Promise<void> {
  let result: unknown;
  try {
    result = await fn(...args);
  } catch (err) {
    console.error(`reactive: the js= listener ${spec.id} failed`, err);
    if (spec.call === true) sink.fail(`${spec.id}: its js= function failed (${String(err)}), so it did not run.`);
    return;
  }
  if (spec.call === true) return feed(result, spec, sink);
  if (spec.outputs.length === 0 || result === undefined) return;
  const values = spec.outputs.length === 1 ? [result] : Array.isArray(result) ? result : [];
  spec.outputs.forEach((id, i) => {
    if (i < values.length) sink.show(id, values[i] as Value);
  });
}

/** The Python fn's inputs from what the JavaScript returned, as Gradio reads them. */
export function jsArguments(result: unknown, inputs: number): unknown[] {
  if (result === undefined) return [];
  return inputs === 1 || !Array.isArray(result) ? [result] : result;
}

function feed(result: unknown, spec: FnSpec, sink: JsSink): void {
  const values = jsArguments(result, spec.inputs.length);
  if (values.length < spec.inputs.length) {
    return sink.fail(
      `${spec.id}: its js= function returned ${values.length} value(s) for ${spec.inputs.length} ` +
        "input(s); return one value per input (an array for several).",
    );
  }
  sink.call(spec.id, values.slice(0, spec.inputs.length).map((v) => (v === undefined ? null : v) as Value));
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

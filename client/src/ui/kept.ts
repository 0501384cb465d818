// The values a person typed into the page's inputs, kept across `reactive run --reload`: the
// server closes every page with 4002, the page reconnects to the re-imported app (a new
// session) and writes these back into the inputs that still exist with the same id and type.
// Only plain values are kept: files, media and images are not re-sent.

import type { AppSpec, ComponentSpec, Value } from "../protocol/messages";

/** Component types whose page value is also their `value` prop. */
export const KEPT_TYPES: ReadonlySet<string> = new Set([
  "textbox",
  "number",
  "slider",
  "checkbox",
  "checkboxgroup",
  "dropdown",
  "radio",
  "colorpicker",
]);

export class KeptInputs {
  private readonly values = new Map<string, { readonly type: string; readonly value: Value }>();

  /** The person set input `id` (of `type`) to `value`. */
  record(id: string, type: string | undefined, value: Value): void {
    if (type !== undefined && KEPT_TYPES.has(type)) this.values.set(id, { type, value });
  }

  clear(): void {
    this.values.clear();
  }

  /** `app` with the kept values as the `value` of inputs of the same id and type, and the ids. */
  restore(app: AppSpec): { readonly app: AppSpec; readonly restored: ReadonlyMap<string, Value> } {
    const restored = new Map<string, Value>();
    const components: { [id: string]: ComponentSpec } = { ...app.components };
    for (const [id, kept] of this.values) {
      const spec = components[id];
      if (spec === undefined || spec.type !== kept.type || spec.props["interactive"] === false) continue;
      components[id] = { type: spec.type, props: { ...spec.props, value: kept.value } };
      restored.set(id, kept.value);
    }
    return { app: { ...app, components }, restored };
  }
}

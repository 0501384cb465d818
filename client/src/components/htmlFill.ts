// The pure part of a templated gr.HTML: Gradio's template syntax (`${expr}`, `{{name}}`,
// `{{#each list}}…{{this}}…{{/each}}`) compiled into a function of the value and props.

export type Scope = Record<string, unknown>;
type Fill = (scope: Scope) => string;

/** The template's text escaped for a template literal, its `${…}` expressions kept as written
 * (they may hold template literals of their own). */
export function asLiteral(template: string): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    if (template.startsWith("${", i)) {
      let depth = 0;
      let j = i + 1;
      for (; j < template.length; j++) {
        if (template[j] === "{") depth++;
        else if (template[j] === "}" && --depth === 0) break;
      }
      out += template.slice(i, j + 1);
      i = j + 1;
    } else {
      const c = template[i] ?? "";
      out += c === "`" || c === "\\" ? `\\${c}` : c;
      i++;
    }
  }
  return out;
}

/** Handlebars-style parts → `${…}`, then the whole as a template literal over the scope. */
export function compileTemplate(template: string): Fill {
  const literal = asLiteral(template
    .replace(/\{\{#each\s+([^}]+)\}\}([\s\S]*?)\{\{\/each\}\}/g, (_m, list: string, body: string) => {
      const inner = body.replace(/\{\{\s*this\s*\}\}/g, "${__item}");
      return "${(" + list + ").map((__item) => `" + inner + "`).join('')}";
    })
    .replace(/\{\{\s*([^#/}][^}]*)\}\}/g, (_m, expr: string) => "${" + expr + "}"));
  let made: (s: Scope) => string;
  try {
    made = new Function("__scope", "with (__scope) { return `" + literal + "`; }") as (s: Scope) => string;
  } catch (e) {
    return () => `<p class="rx-error-text">template error: ${String(e)}</p>`;
  }
  return (scope) => {
    try {
      return made(scope);
    } catch (e) {
      return `<p class="rx-error-text">template error: ${String(e)}</p>`;
    }
  };
}


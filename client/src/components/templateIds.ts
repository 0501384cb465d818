// The ids and names an app's author wrote in a gr.HTML template, told apart from those a value
// brings. The sanitizer prefixes every id and name with "user-content-", so that HTML from a
// value (which may come from a person) cannot clobber the page's globals (`window.x`). The
// template's own literal ones (`<button id='load'>`) are the author's, as its js_on_load is, and
// Gradio's demos find them by id (`element.querySelector('#load')`, `#load` in css_template).
// So before the template is filled each literal one is marked with a marker random per view,
// which no value can know; after sanitizing, the marked ones get their bare name back
// (sanitize.ts). An id made from an expression (`id="row-${value}"`) is a value's: it stays
// prefixed.

const TAG = /<[A-Za-z][^<>]*>/g;
// A literal id / name attribute inside a tag: quoted or bare, with no template expression.
const LITERAL = /(\s)(id|name)(\s*=\s*)(?:"([^"<>${}]+)"|'([^'<>${}]+)'|([^\s"'<>${}=`]+))/gi;

/** A marker no value can guess (random per view). */
export function newMarker(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `rx${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}-`;
}

/** The template with each literal id and name of its tags prefixed by `marker`. */
export function markAuthorIds(template: string, marker: string): string {
  return template.replace(TAG, (tag) =>
    tag.replace(LITERAL, (_m, space: string, attr: string, eq: string, dq?: string, sq?: string, bare?: string) =>
      dq !== undefined ? `${space}${attr}${eq}"${marker}${dq}"`
      : sq !== undefined ? `${space}${attr}${eq}'${marker}${sq}'`
      : `${space}${attr}${eq}${marker}${bare ?? ""}`));
}

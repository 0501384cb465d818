// The one HTML sanitizer of the page (HTML, Markdown and Chatbot views): DOMPurify with no scripts
// or handlers (its default), and also no forms (a form in an output is a phishing form that
// navigates the app away) and no bare id / name values, which would clobber the page's globals
// (`window.x`, `document.x`): DOMPurify prefixes them with "user-content-". A gr.HTML template's
// own literal ids and names, marked before filling (templateIds.ts), get their bare name back.

import DOMPurify from "dompurify";

const CONFIG = {
  FORBID_TAGS: ["form"],
  FORBID_ATTR: ["action", "formaction", "formmethod", "formtarget", "formenctype"],
  SANITIZE_NAMED_PROPS: true,
};
const PREFIX = "user-content-";

/** The marker of the template being sanitized; null for any other HTML. */
let restoring: string | null = null;
const formElement = document.createElement("form");

DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (restoring === null || !(node instanceof Element)) return;
  for (const attr of ["id", "name"]) {
    const value = node.getAttribute(attr);
    if (value === null || !value.startsWith(PREFIX + restoring)) continue;
    const bare = value.slice(PREFIX.length + restoring.length);
    // DOMPurify's own rule for any id: never one the document or a form already has as a property.
    if (bare in document || bare in formElement) node.removeAttribute(attr);
    else node.setAttribute(attr, bare);
  }
});

export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, CONFIG);
}

/** A filled gr.HTML template: as sanitizeHtml, but the ids and names marked with `marker` (the
 * template's own) are kept as the author wrote them. */
export function sanitizeTemplate(html: string, marker: string): string {
  restoring = marker;
  try {
    return DOMPurify.sanitize(html, CONFIG);
  } finally {
    restoring = null;
  }
}

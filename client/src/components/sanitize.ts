// The one HTML sanitizer of the page (HTML, Markdown and Chatbot views): DOMPurify with no scripts
// or handlers (its default), and also no forms (a form in an output is a phishing form that
// navigates the app away) and no bare id / name values, which would clobber the page's globals
// (`window.x`, `document.x`): DOMPurify prefixes them with "user-content-".

import DOMPurify from "dompurify";

const CONFIG = {
  FORBID_TAGS: ["form"],
  FORBID_ATTR: ["action", "formaction", "formmethod", "formtarget", "formenctype"],
  SANITIZE_NAMED_PROPS: true,
};

export function sanitizeHtml(html: string): string {
  return DOMPurify.sanitize(html, CONFIG);
}

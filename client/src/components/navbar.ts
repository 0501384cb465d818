// navbar: a bar of links: the app's own page (props.main_page_name), then value's [text, url]
// pairs (other sites open in a new tab). The server accepts only http(s), mailto: and relative
// URLs ("" is this page). In a multipage app (demo.route) the server gives `pages`, a
// [text, href, current, main] row per page, drawn first (the main page's text follows
// main_page_name); a page with no gr.Navbar draws the same bar (pageLinks).

import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import { str } from "./props";
import { ComponentView, type ViewContext } from "./view";

export class NavbarView extends ComponentView {
  private readonly nav: HTMLElement;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "navbar", props, ctx);
    this.nav = el("nav", "rx-navbar");
    this.label.hidden = true;
    this.mount(this.nav);
    this.update(props["value"] ?? null);
  }

  update(v: Value): void {
    const main = str(this.props, "main_page_name");
    const pages = this.props["pages"];
    const links: HTMLAnchorElement[] = Array.isArray(pages) ? pageLinks(pages, main) : [];
    if (main !== null && !Array.isArray(pages)) links.push(link(main, "./", true));
    for (const item of Array.isArray(v) ? v : []) {
      if (Array.isArray(item) && typeof item[0] === "string" && typeof item[1] === "string") {
        links.push(link(item[0], item[1], false));
      }
    }
    this.nav.replaceChildren(...links);
  }

}

/** The links of a multipage app's pages (`pages` rows); `main` renames the main page's. */
export function pageLinks(pages: readonly Value[], main: string | null): HTMLAnchorElement[] {
  const links: HTMLAnchorElement[] = [];
  for (const row of pages) {
    if (!Array.isArray(row) || typeof row[0] !== "string" || typeof row[1] !== "string") continue;
    const text = row[3] === true && main !== null ? main : row[0];
    links.push(link(text, row[1], row[2] === true));
  }
  return links;
}

function link(text: string, href: string, current: boolean): HTMLAnchorElement {
  const a = el("a", "rx-nav-link", text);
  a.href = href;
  if (current) a.setAttribute("aria-current", "page");
  if (/^https?:\/\//.test(href)) {
    a.target = "_blank";
    a.rel = "noopener noreferrer";
  }
  return a;
}

// Draws a welcome: <h1 class="rx-title"> then the layout, one view per component. Every welcome
// replaces the page entirely (a resume carries the current values in the props).

import { createView } from "../components/registry";
import type { ComponentView, ViewContext } from "../components/view";
import { renderLayout } from "../layout/layout";
import type { AppSpec } from "../protocol/messages";

export class Page {
  private views = new Map<string, ComponentView>();

  constructor(private readonly root: HTMLElement) {}

  view(id: string): ComponentView | undefined {
    return this.views.get(id);
  }

  render(app: AppSpec, ctx: ViewContext): void {
    this.dispose();
    const views = new Map<string, ComponentView>();
    for (const [id, spec] of Object.entries(app.components)) views.set(id, createView(id, spec, ctx));
    this.views = views;
    const title = document.createElement("h1");
    title.className = "rx-title";
    title.textContent = app.title;
    document.title = app.title;
    const place = (id: string): HTMLElement | undefined => {
      const view = views.get(id);
      if (view === undefined) console.warn(`reactive: the layout names unknown component ${id}`);
      return view?.root;
    };
    const layout = renderLayout(app.layout, place, [...views.keys()]);
    this.root.replaceChildren(title, layout);
  }

  private dispose(): void {
    for (const view of this.views.values()) view.dispose();
    this.views.clear();
  }
}

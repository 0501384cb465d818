// Draws a welcome: the title, the description (Markdown), the layout with one view per
// component, each function's examples under its inputs, and the footer. Every welcome replaces
// the page entirely (a resume carries the current values in the props). Also applies the app's
// CSS and theme variables.

import { renderMarkdown } from "../components/markdown";
import { pageLinks } from "../components/navbar";
import { createView } from "../components/registry";
import type { ComponentView, ViewContext } from "../components/view";
import { renderLayout } from "../layout/layout";
import type { AppSpec, Props, SubLayout } from "../protocol/messages";
import { renderExamples, type PickExample } from "./examples";
import type { Linked } from "./deepLink";
import { KEPT_TYPES } from "./kept";
import { listen } from "./listen";

export class Page {
  private views = new Map<string, ComponentView>();
  private listened: { [id: string]: readonly string[] } = {};
  private interactive = new Set<string>();
  /** Per `@gr.render` slot, the ids of the views its sub-layout drew. */
  private readonly mounted = new Map<string, readonly string[]>();
  /** A rendered component's properties (without its value) when its view was made. */
  private readonly mountedProps = new Map<string, string>();

  constructor(private readonly root: HTMLElement) {}

  view(id: string): ComponentView | undefined {
    return this.views.get(id);
  }

  /** The inputs a link may carry, with their current values (gr.DeepLinkButton). */
  linkable(): Linked[] {
    const found: Linked[] = [];
    for (const [id, view] of this.views) {
      const value = view.current();
      if (this.interactive.has(id) && KEPT_TYPES.has(view.type) && value !== undefined) found.push([id, view.type, value]);
    }
    return found;
  }

  /** Whether component `id` takes values from the page (its welcome props). */
  takesInput(id: string): boolean {
    return this.interactive.has(id);
  }

  render(app: AppSpec, ctx: ViewContext, pick: PickExample): void {
    this.dispose();
    const views = new Map<string, ComponentView>();
    for (const [id, spec] of Object.entries(app.components)) views.set(id, createView(id, spec, ctx));
    this.views = views;
    this.mounted.clear();
    this.mountedProps.clear();
    this.listened = { ...app.listen };
    for (const [id, events] of Object.entries(this.listened)) {
      const view = views.get(id);
      if (view !== undefined) listen(id, view.root, events, ctx.trigger);
    }
    this.interactive = new Set(
      Object.entries(app.components).filter(([, c]) => c.props["interactive"] !== false).map(([id]) => id),
    );
    document.title = app.title;
    document.body.classList.toggle("rx-fill-height", app.fill_height === true);
    const header = document.createElement("header");
    header.className = "rx-header";
    if (app.pages !== undefined) {
      // a multipage app's page with no gr.Navbar: the links to its pages, as Gradio draws them
      const nav = document.createElement("nav");
      nav.className = "rx-navbar";
      nav.replaceChildren(...pageLinks(app.pages, null));
      header.append(nav);
    }
    if (app.heading !== false) {
      const title = document.createElement("h1");
      title.className = "rx-title";
      title.textContent = app.title;
      header.append(title);
    }
    if (typeof app.description === "string") header.append(markdownBox("rx-description", app.description));
    const place = (id: string): HTMLElement | undefined => {
      const view = views.get(id);
      if (view === undefined) console.warn(`reactive: the layout names unknown component ${id}`);
      return view?.root;
    };
    const layout = renderLayout(app.layout, place, [...views.keys()]);
    const parts: HTMLElement[] = header.childElementCount > 0 ? [header, layout] : [layout];
    if (typeof app.footer === "string") parts.push(markdownBox("rx-footer", app.footer));
    this.root.replaceChildren(...parts);
    this.addExamples(app, layout, pick);
    applyStyle(app);
  }

  /** Draws a `@gr.render` slot's sub-layout into `into`: its views replace the slot's
   * previous ones. A keyed component that kept its value, drawn with the same properties, keeps
   * its view (and the focus, the caret, a loaded file); any other is drawn afresh. */
  mount(slot: string, spec: SubLayout, ctx: ViewContext, into: HTMLElement): void {
    const ids = Object.keys(spec.components);
    const reused = this.reusable(slot, spec);
    this.unmount(slot, reused);
    for (const id of ids) {
      const component = spec.components[id];
      if (component === undefined) continue;
      this.mountedProps.set(id, propsKey(component.props));
      if (reused.has(id)) continue;
      const view = createView(id, component, ctx);
      this.views.set(id, view);
      if (component.props["interactive"] !== false) this.interactive.add(id);
      const events = spec.listen?.[id];
      if (events !== undefined) {
        this.listened[id] = events;
        listen(id, view.root, events, ctx.trigger);
      }
    }
    this.mounted.set(slot, ids);
    const focus = focusOf(document.activeElement);
    const place = (id: string): HTMLElement | undefined => this.views.get(id)?.root;
    into.replaceChildren(renderLayout(spec.layout, place, ids));
    if (focus !== null && focus.element.isConnected && document.activeElement !== focus.element) focus.restore();
  }

  /** The slot's views that may stay as they are in its new sub-layout. */
  private reusable(slot: string, spec: SubLayout): Set<string> {
    const reused = new Set<string>();
    const before = new Set(this.mounted.get(slot) ?? []);
    for (const id of spec.kept ?? []) {
      const component = spec.components[id];
      const view = this.views.get(id);
      if (component === undefined || view === undefined || !before.has(id)) continue;
      if (view.type === component.type && this.mountedProps.get(id) === propsKey(component.props)) reused.add(id);
    }
    return reused;
  }

  private unmount(slot: string, keep: ReadonlySet<string> = new Set()): void {
    for (const id of this.mounted.get(slot) ?? []) {
      if (keep.has(id)) continue;
      if (this.mounted.has(id)) this.unmount(id);
      this.views.get(id)?.dispose();
      this.views.delete(id);
      this.mountedProps.delete(id);
      this.interactive.delete(id);
      delete this.listened[id];
    }
    this.mounted.delete(slot);
  }

  /** Draws component `id` again with `props` (rx.update of a property its view cannot change). */
  recreate(id: string, props: Props, ctx: ViewContext): void {
    const old = this.views.get(id);
    if (old === undefined) return;
    const view = createView(id, { type: old.type, props }, ctx);
    const events = this.listened[id];
    if (events !== undefined) listen(id, view.root, events, ctx.trigger);
    old.root.replaceWith(view.root);
    old.dispose();
    this.views.set(id, view);
  }

  private addExamples(app: AppSpec, layout: HTMLElement, pick: PickExample): void {
    for (const fn of app.fns) {
      if (fn.examples === undefined) continue;
      const table = renderExamples(fn.id, fn.examples, pick);
      const at = fn.examples.at === undefined ? null : document.getElementById(fn.examples.at);
      if (at !== null && layout.contains(at)) {
        at.append(table);
        continue;
      }
      const last = [...fn.examples.inputs].reverse().map((c) => this.views.get(c)?.root).find((r) => r?.isConnected);
      if (last === undefined) layout.append(table);
      else outsideRows(last).after(table);
    }
  }

  private dispose(): void {
    for (const view of this.views.values()) view.dispose();
    this.views.clear();
  }
}

/** A component's properties besides its value, comparable as text. */
function propsKey(props: Props): string {
  const { value: _value, ...rest } = props;
  return JSON.stringify(rest);
}

/** The focused element and its caret, to give back after it moved within the page (a field
 * of a kept view: moving an element drops the focus). */
function focusOf(active: Element | null): { element: HTMLElement; restore(): void } | null {
  if (!(active instanceof HTMLElement)) return null;
  const field = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : null;
  const start = field?.selectionStart ?? null;
  const end = field?.selectionEnd ?? null;
  return {
    element: active,
    restore() {
      active.focus();
      if (field === null || start === null || end === null) return;
      try {
        field.setSelectionRange(start, end);
      } catch {
        // an input type without a caret (number, range)
      }
    },
  };
}

/** The element itself, or its outermost ancestor that sits in a row (a table goes below rows). */
function outsideRows(element: HTMLElement): HTMLElement {
  let node = element;
  while (node.parentElement?.classList.contains("rx-row") === true) node = node.parentElement;
  return node;
}

function markdownBox(className: string, source: string): HTMLElement {
  const box = document.createElement("div");
  box.className = `rx-md ${className}`;
  box.innerHTML = renderMarkdown(source);
  return box;
}

/** The app's extra CSS in one <style>, and its theme as --rx-* variables on <html>. */
function applyStyle(app: AppSpec): void {
  let style = document.getElementById("rx-app-css");
  if (typeof app.css === "string") {
    if (style === null) {
      style = document.createElement("style");
      style.id = "rx-app-css";
      document.head.append(style);
    }
    style.textContent = app.css;
  } else {
    style?.remove();
  }
  const theme = app.theme ?? {};
  for (const [name, value] of Object.entries(theme)) {
    if (typeof value === "string") document.documentElement.style.setProperty(`--rx-${name.replace(/_/g, "-")}`, value);
  }
}

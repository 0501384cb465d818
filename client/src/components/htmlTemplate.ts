// html with html_template / css_template / js_on_load (Gradio's templated HTML): the template
// is filled with the value and the props (`${expr}` as in a JavaScript template literal,
// `{{name}}`, `{{#each list}}…{{this}}…{{/each}}`), sanitized and drawn; css_template is scoped
// to this component; js_on_load runs once with `element`, `trigger(event, data)` and `props`
// (setting props.value sends the new value); a redraw patches the drawn nodes in place, so the
// listeners js_on_load added keep working. `@children` is where the column of components made
// inside `with gr.HTML(...)` goes. The app's author wrote these, so the page compiles them
// (its CSP allows it only for such apps), and the template's own literal ids and names are kept
// as written while a value's are prefixed (templateIds.ts).

import type { Props, TriggerEvent, Value } from "../protocol/messages";
import { isMap } from "../protocol/codec";
import { el } from "./dom";
import { MAX_UPLOAD_BYTES } from "./imageValue";
import { sanitizeTemplate } from "./sanitize";
import { str } from "./props";
import { compileTemplate, type Scope } from "./htmlFill";
import { morphChildren } from "./morph";
import { markAuthorIds, newMarker } from "./templateIds";
import { ComponentView, type ViewContext } from "./view";

/** What `upload(file)` resolves with, as in Gradio. */
interface Uploaded { path: string; url: string }

const EVENTS = new Set(["click", "submit", "keypress", "select", "double_click"]);
export class HtmlTemplateView extends ComponentView {
  private readonly box: HTMLElement;
  private readonly style: HTMLStyleElement;
  private value: Value;
  private loaded = false;
  private readonly marker = newMarker(); // the template's own ids keep their names (templateIds.ts)

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "html", props, ctx);
    this.box = el("div", "rx-html");
    this.style = document.createElement("style");
    this.value = props["value"] ?? null;
    this.mount(this.box);
    this.root.append(this.style);
    queueMicrotask(() => this.draw()); // after the layout drew the @children column
  }

  private scope(): Scope {
    const own = isMap(this.props["props"]) ? this.props["props"] : {};
    const shared = { label: this.props["label"] ?? null, ...own, value: this.value };
    return { ...shared, props: shared };
  }

  update(v: Value): void {
    this.value = v;
    this.draw();
  }

  override setProps(p: Props): void {
    const { props: own, ...rest } = p;
    if (own !== undefined) this.props = { ...this.props, props: own };
    const others = Object.fromEntries(Object.entries(rest).filter(([k]) => !(isMap(own) && k in own)));
    if (Object.keys(others).length > 0) super.setProps(others);
    this.draw();
  }

  private draw(): void {
    const children = this.childrenColumn();
    children?.remove();
    const template = str(this.props, "html_template") ?? "${value}";
    const marked = markAuthorIds(template.replace(/@children/g, "<div data-rx-children></div>"), this.marker);
    const html = compileTemplate(marked)(this.scope());
    morphChildren(this.box, sanitizeTemplate(html, this.marker)); // kept nodes keep js_on_load's listeners
    if (children !== null) (this.box.querySelector("[data-rx-children]") ?? this.box).append(children);
    const css = str(this.props, "css_template");
    this.style.textContent = css === null ? "" : `#${CSS.escape(this.id)} .rx-html { ${compileTemplate(css)(this.scope())} }`;
    if (!this.loaded) {
      this.loaded = true;
      this.runOnLoad();
    }
  }

  private childrenColumn(): HTMLElement | null {
    const id = str(this.props, "children");
    return id === null ? null : document.getElementById(id);
  }

  /** `server.fn(...)` for each of gr.HTML's server_functions: {name: [function, result]}. */
  private server(): Record<string, (...args: Value[]) => Promise<Value>> {
    const fns = isMap(this.props["server_functions"]) ? this.props["server_functions"] : {};
    const server: Record<string, (...args: Value[]) => Promise<Value>> = {};
    for (const [name, pair] of Object.entries(fns)) {
      const [f, result] = Array.isArray(pair) ? pair : [];
      if (typeof f !== "string" || typeof result !== "string") continue;
      server[name] = (...args) =>
        this.ctx.serverCall?.(f, result, args) ?? Promise.reject(new Error(`reactive: server.${name} cannot be called here`));
    }
    return server;
  }

  /** Gradio's `upload(file)`: the file goes to the server inline in a call of the HTML's upload
   * function (prop `upload`: [function, result]), which saves it in the session's upload folder
   * and answers its path; `url` is the page's own URL of the file. */
  private async upload(file: unknown): Promise<Uploaded> {
    const [f, result] = Array.isArray(this.props["upload"]) ? this.props["upload"] : [];
    if (!(file instanceof Blob)) throw new Error("reactive: upload(file) takes a File, such as input.files[0]");
    if (typeof f !== "string" || typeof result !== "string" || this.ctx.serverCall === undefined) {
      throw new Error("reactive: upload() needs the gr.HTML made inside `with gr.Blocks() as demo:`");
    }
    const name = file instanceof File ? file.name : "upload";
    if (file.size > MAX_UPLOAD_BYTES) throw new Error(`reactive: upload(): ${name} is larger than 16 MiB; use gr.File or gr.UploadButton for it`);
    const data = new Uint8Array(await file.arrayBuffer());
    const saved = await this.ctx.serverCall(f, result, [{ name, mime: file.type, data }]);
    const path = isMap(saved) ? saved["path"] : undefined;
    if (typeof path !== "string") throw new Error("reactive: upload() got no path back");
    return { path, url: URL.createObjectURL(file) };
  }

  private runOnLoad(): void {
    const code = str(this.props, "js_on_load");
    if (code === null) return;
    const trigger = (event: string, data?: Value): void => {
      if (EVENTS.has(event)) this.ctx.trigger(this.id, event as TriggerEvent, data ?? null);
    };
    const props = new Proxy({}, {
      get: (_t, key) => this.scope()[String(key)],
      set: (_t, key, v: Value) => {
        if (key === "value") {
          this.value = v;
          this.changed(v);
        } else {
          const own = isMap(this.props["props"]) ? this.props["props"] : {};
          this.props = { ...this.props, props: { ...own, [String(key)]: v } };
        }
        this.draw();
        return true;
      },
    });
    const upload = (file: unknown): Promise<Uploaded> => this.upload(file);
    const server = this.server();
    try {
      (new Function("element", "trigger", "props", "upload", "server", code) as (e: HTMLElement, t: typeof trigger, p: object, u: typeof upload, s: object) => void)(this.box, trigger, props, upload, server);
    } catch (e) {
      console.error("reactive: js_on_load of", this.id, "failed:", e);
    }
  }
}

// The base of every component view: the root element the DOM contract describes
// (<div id data-component class="rx-component rx-TYPE" data-status>), its label and info,
// .rx-status, .rx-progress and .rx-error, the run-state display, and the properties every
// component shares (rx.update). Subclasses add the .rx-value element and the value logic.

import type { Props, RunState, StreamChunk, StreamEnd, SubLayout, TriggerEvent, Upload, Value } from "../protocol/messages";
import { progressText } from "../render/progress";
import type { OutputTarget, ProgressInfo } from "../render/target";
import { el, setText } from "./dom";
import { bool, classes, num, str } from "./props";

/** What a view may ask of the app. */
export interface ViewContext {
  /** The user changed component `c` (goes through the input policy chain). */
  input(c: string, v: Value): void;
  /** A click or submit of component `c` (or another event a listener waits for, with data). */
  trigger(c: string, e: TriggerEvent, d?: Value): void;
  /** The server (or the welcome) set input `c` to `v`: nothing to send. */
  reset(c: string, v: Value): void;
  /** Draw component `c` again with these props (a property its view cannot change in place). */
  recreate?(c: string, props: Props): void;
  /** Show `v` in component `c` and, if `c` is an input, send it (ClearButton, Examples). */
  fill?(c: string, v: Value): void;
  /** Send one part of a file upload; false while the connection is down. */
  upload?(part: Upload): boolean;
  /** Send a chunk (or the end) of a streaming input; false while the connection is down. */
  stream?(message: StreamChunk | StreamEnd): boolean;
  /** Ask the server to stop function `f`'s active run (a chat's Stop). */
  cancel?(f: string): void;
  /** Draw a `@gr.render` slot's sub-layout into `into`, replacing the slot's previous one. */
  mountLayout?(slot: string, spec: SubLayout, into: HTMLElement): void;
  /** A link to this page with its inputs' current values (gr.DeepLinkButton). */
  deepLink?(): string;
  /** Call Python function `f` with `args`; resolves with what it wrote to `result`
   * (gr.HTML's server functions). */
  serverCall?(f: string, result: string, args: readonly Value[]): Promise<Value>;
}

export type DataStatus = "idle" | "queued" | "running" | "error";

/** Properties the base view changes in place. */
const OWN_PROPS = new Set(["label", "info", "visible", "elem_classes", "show_label", "scale", "min_width"]);
const EVERY_OWN: Props = Object.fromEntries([...OWN_PROPS].map((k) => [k, null]));

export abstract class ComponentView implements OutputTarget {
  readonly root: HTMLDivElement;
  protected readonly label: HTMLLabelElement;
  private readonly labelText: Text;
  private readonly infoEl: HTMLElement;
  private readonly statusEl: HTMLElement;
  private readonly errorEl: HTMLElement;
  private progressEl: HTMLElement | null = null;
  private serverError = false;
  private ownClasses: string[] = [];

  constructor(
    readonly id: string,
    readonly type: string,
    protected props: Props,
    protected readonly ctx: ViewContext,
  ) {
    const root = el("div", `rx-component rx-${type}`);
    root.id = id;
    root.dataset["component"] = type;
    root.dataset["status"] = "idle";
    if (props["container"] === false) root.classList.add("rx-bare");
    this.root = root;
    this.label = el("label", "rx-label");
    this.labelText = document.createTextNode("");
    this.label.append(this.labelText);
    this.infoEl = el("div", "rx-info");
    this.statusEl = el("span", "rx-status");
    this.errorEl = el("div", "rx-error");
    root.append(this.label, this.infoEl, this.statusEl, this.errorEl);
    this.applyOwn(EVERY_OWN);
  }

  /** Whether the user may change this component (prop `interactive`, default true). */
  protected get interactive(): boolean {
    return bool(this.props, "interactive", true);
  }

  /** Puts the value element after the label; gives a form control an id the label points to. */
  protected mount(value: HTMLElement, control?: HTMLElement): void {
    value.classList.add("rx-value");
    if (control !== undefined) {
      control.id = `${this.id}--control`;
      this.label.htmlFor = control.id;
    }
    this.infoEl.after(value);
  }

  abstract update(v: Value): void;

  /** The value the page shows now (kept when the view is drawn again after rx.update). */
  current(): Value | undefined {
    return undefined;
  }

  append(_d: string, _at: number): boolean {
    return false;
  }

  commit(): void {}

  /** Frees what the view holds (object URLs); called before a re-render. */
  dispose(): void {}

  /** rx.update: shared properties change in place; any other draws the view again. */
  setProps(p: Props): void {
    this.props = { ...this.props, ...p };
    this.applyOwn(p);
    const rest = Object.keys(p).filter((k) => !OWN_PROPS.has(k));
    if (rest.length === 0 || this.ctx.recreate === undefined) return;
    const value = this.current();
    this.ctx.recreate(this.id, value === undefined ? this.props : { ...this.props, value });
  }

  private applyOwn(p: Props): void {
    const props = this.props;
    if ("label" in p || "show_label" in p) {
      const text = str(props, "label") ?? "";
      setText(this.labelText, text);
      this.label.hidden = text === "" || !bool(props, "show_label", true);
    }
    if ("info" in p) {
      setText(this.infoEl, str(props, "info") ?? "");
      this.infoEl.hidden = this.infoEl.textContent === "";
    }
    if ("visible" in p) this.root.hidden = !bool(props, "visible", true);
    if ("elem_classes" in p) {
      this.root.classList.remove(...this.ownClasses);
      this.ownClasses = classes(props);
      this.root.classList.add(...this.ownClasses);
    }
    const scale = num(props, "scale");
    if ("scale" in p) this.root.style.flexGrow = scale === null ? "" : String(scale);
    const minWidth = num(props, "min_width");
    if ("min_width" in p) this.root.style.minWidth = minWidth === null ? "" : `${minWidth}px`;
  }

  status(s: RunState, pos?: number, msg?: string): void {
    if (s !== "running") this.hideProgress();
    // a failed run's output keeps its last value, dimmed, so it does not read as the answer
    if (s !== "queued") this.root.classList.toggle("rx-failed", s === "error");
    if (s === "queued") this.paint("queued", pos === undefined ? "queued" : `queued: ${pos}`, "");
    else if (s === "running") this.paint("running", "running…", "");
    else if (s === "error") this.paint("error", "", msg ?? "error");
    else this.paint("idle", "", "");
  }

  /** A bar with the fraction done, the step count and the time left. */
  progress(p: ProgressInfo): void {
    if (this.progressEl === null) {
      this.progressEl = el("div", "rx-progress");
      this.progressEl.setAttribute("role", "progressbar");
      this.progressEl.append(el("div", "rx-progress-bar"), el("span", "rx-progress-text"));
      this.statusEl.after(this.progressEl);
    }
    const box = this.progressEl;
    box.hidden = false;
    box.classList.toggle("rx-indeterminate", p.fraction === null);
    const bar = box.firstElementChild as HTMLElement;
    bar.style.width = p.fraction === null ? "" : `${(p.fraction * 100).toFixed(1)}%`;
    if (p.fraction !== null) box.setAttribute("aria-valuenow", String(Math.round(p.fraction * 100)));
    setText(box.lastElementChild as HTMLElement, progressText(p));
  }

  private hideProgress(): void {
    if (this.progressEl !== null) this.progressEl.hidden = true;
  }

  /** An `error` frame naming this component; cleared by its next input. */
  showServerError(msg: string): void {
    this.serverError = true;
    this.paint("error", "", msg);
  }

  /** A local problem (e.g. a file too large) shown like a server error. */
  protected showLocalError(msg: string): void {
    this.showServerError(msg);
  }

  /** The user changed the value: clear a server error, then send it. */
  protected changed(v: Value): void {
    this.clearServerError();
    this.ctx.input(this.id, v);
  }

  /** The user starts afresh (a new recording): an earlier server error no longer applies. */
  protected clearServerError(): void {
    if (this.serverError) {
      this.serverError = false;
      this.paint("idle", "", "");
    }
  }

  private paint(state: DataStatus, statusText: string, error: string): void {
    if (this.root.dataset["status"] !== state) this.root.dataset["status"] = state;
    setText(this.statusEl, statusText);
    setText(this.errorEl, error);
  }
}

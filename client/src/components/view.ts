// The base of every component view: the root element the DOM contract describes
// (<div id data-component class="rx-component rx-TYPE" data-status>), its label, .rx-status and
// .rx-error, and the run-state display. Subclasses add the .rx-value element and the value logic.

import type { Props, RunState, TriggerEvent, Value } from "../protocol/messages";
import type { OutputTarget } from "../render/target";
import { el, setText } from "./dom";
import { bool, classes, str } from "./props";

/** What a view may ask of the app. */
export interface ViewContext {
  /** The user changed component `c` (goes through the input policy chain). */
  input(c: string, v: Value): void;
  /** A click or submit of component `c`. */
  trigger(c: string, e: TriggerEvent): void;
  /** The server (or the welcome) set input `c` to `v`: nothing to send. */
  reset(c: string, v: Value): void;
}

export type DataStatus = "idle" | "queued" | "running" | "error";

export abstract class ComponentView implements OutputTarget {
  readonly root: HTMLDivElement;
  protected readonly label: HTMLLabelElement;
  private readonly statusEl: HTMLElement;
  private readonly errorEl: HTMLElement;
  private serverError = false;

  constructor(
    readonly id: string,
    readonly type: string,
    protected readonly props: Props,
    protected readonly ctx: ViewContext,
  ) {
    const root = el("div", `rx-component rx-${type}`);
    root.id = id;
    root.dataset["component"] = type;
    root.dataset["status"] = "idle";
    root.classList.add(...classes(props));
    root.hidden = !bool(props, "visible", true);
    const text = str(props, "label");
    this.label = el("label", "rx-label", text ?? "");
    this.label.hidden = text === null || text === "";
    this.statusEl = el("span", "rx-status");
    this.errorEl = el("div", "rx-error");
    root.append(this.label, this.statusEl, this.errorEl);
    this.root = root;
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
    this.label.after(value);
  }

  abstract update(v: Value): void;

  append(_d: string, _at: number): boolean {
    return false;
  }

  commit(): void {}

  /** Frees what the view holds (object URLs); called before a re-render. */
  dispose(): void {}

  status(s: RunState, pos?: number, msg?: string): void {
    if (s === "queued") this.paint("queued", pos === undefined ? "queued" : `queued: ${pos}`, "");
    else if (s === "running") this.paint("running", "running…", "");
    else if (s === "error") this.paint("error", "", msg ?? "error");
    else this.paint("idle", "", "");
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
    if (this.serverError) {
      this.serverError = false;
      this.paint("idle", "", "");
    }
    this.ctx.input(this.id, v);
  }

  private paint(state: DataStatus, statusText: string, error: string): void {
    if (this.root.dataset["status"] !== state) this.root.dataset["status"] = state;
    setText(this.statusEl, statusText);
    setText(this.errorEl, error);
  }
}

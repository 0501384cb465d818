// Wires the client together: socket -> (welcome: page | batch: frame scheduler -> applier ->
// views -> ack pacer | error: toast), and views -> input policy chain -> socket.

import type { ViewContext } from "./components/view";
import { defaultInputChain } from "./inputs/chain";
import type { InputPolicy } from "./inputs/policy";
import * as m from "./protocol/messages";
import { AckPacer } from "./render/ackPacer";
import { BatchApplier } from "./render/applier";
import { browserClock, FrameScheduler } from "./render/frame";
import { RunTracker } from "./render/runs";
import { CLOSE_RELOADED, Socket } from "./transport/socket";
import { ConnectionIndicator } from "./ui/connection";
import { JsListeners, type JsSink } from "./ui/jsListeners";
import { ServerCalls } from "./ui/serverCalls";
import { linkedValues, linkWith } from "./ui/deepLink";
import { KeptInputs } from "./ui/kept";
import { Page } from "./ui/page";
import { Toasts } from "./ui/toasts";

export class App {
  private readonly socket: Socket;
  private readonly page: Page;
  private readonly runs = new RunTracker();
  private readonly frames: FrameScheduler;
  private readonly acks: AckPacer;
  private readonly inputs: InputPolicy;
  private readonly connection: ConnectionIndicator;
  private readonly toasts: Toasts;
  private session: string | null = null;
  private readonly kept = new KeptInputs();
  private reloaded = false; // the server swapped in a re-imported app (close 4002)
  private js = new JsListeners([]);
  private calls = 0; // the ids of the page's own calls (a js= listener's fn, a server function)
  private readonly serverCalls = new ServerCalls(
    () => ++this.calls,
    (k, f, args) => {
      this.inputs.flush();
      this.socket.send(m.call(k, f, args));
    },
  );
  private linked = true; // a deep link's values are set once, into the page's first session

  constructor(root: HTMLElement, url: string) {
    this.page = new Page(root);
    this.connection = new ConnectionIndicator(document.body);
    this.toasts = new Toasts(document.body);
    this.socket = new Socket(url, {
      message: (msg, bytes) => this.receive(msg, bytes),
      down: (code, reason, retrying) => this.down(code, reason, retrying),
    });
    this.inputs = defaultInputChain((c, v) => this.socket.send(m.input(c, v)));
    const applier = new BatchApplier(
      this.runs,
      (c) => this.page.view(c),
      (t) => this.toasts.show(t.msg, t.l, t.d),
    );
    this.acks = new AckPacer(browserClock, (n) => this.socket.send(m.ack(n)));
    this.frames = new FrameScheduler(
      browserClock,
      (batches) => {
        applier.apply(batches);
        this.serverCalls.observe(batches);
        this.changedByServer(batches);
      },
      (n) => this.acks.applied(n),
    );
  }

  start(): void {
    this.socket.open();
  }

  /** Asks the server to stop function `f`'s active run. */
  cancel(f: string): void {
    this.socket.send(m.cancel(f));
  }

  private receive(msg: m.ServerMessage, bytes: number): void {
    if (msg.t === "welcome") this.welcome(msg);
    else if (msg.t === "batch") {
      this.acks.received(bytes);
      this.frames.push(msg);
    }
    else this.serverError(msg);
  }

  private welcome(msg: m.Welcome): void {
    this.frames.clear();
    this.acks.reset();
    const reloaded = this.reloaded && !msg.resumed;
    this.reloaded = false;
    if (reloaded) {
      this.afterReload(msg);
      return;
    }
    if (!msg.resumed) this.kept.clear();
    if (this.session !== null && !msg.resumed) {
      // The server no longer knew this page's session (it restarted, or the session expired).
      this.toasts.show(FRESH_START, "warning");
    }
    // Run ids restart with a new session; a resumed one keeps them, so stale runs stay dropped.
    if (!msg.resumed || msg.session !== this.session) this.runs.clear();
    this.session = msg.session;
    this.runs.setFunctions(msg.app.fns);
    this.inputs.clear();
    if (this.linked && !msg.resumed) {
      this.linked = false;
      this.fromLink(msg);
      return;
    }
    this.linked = false;
    this.draw(msg.app);
    if (!msg.resumed) this.runJs(null, "load");
  }

  /** The first welcome of a page opened from a deep link: its inputs set from the link, sent
   * to the session as the person's own input (as after a reload). */
  private fromLink(msg: m.Welcome): void {
    const linked = linkedValues(window.location.href);
    for (const [id, type, value] of linked) this.kept.record(id, type, value);
    this.setKept(msg);
  }

  /** A welcome from the re-imported app: the page drawn afresh with the kept inputs, which
   * go to the new session as the person's own input (so live functions run on them). */
  private afterReload(msg: m.Welcome): void {
    this.runs.clear();
    this.session = msg.session;
    this.runs.setFunctions(msg.app.fns);
    this.inputs.clear();
    this.setKept(msg);
  }

  private setKept(msg: m.Welcome): void {
    const { app, restored } = this.kept.restore(msg.app);
    this.draw(app);
    for (const [c, v] of restored) {
      this.socket.send(m.input(c, v)); // past the chain: a view's first reset already holds v
      this.inputs.reset(c, v);
    }
    this.runJs(null, "load");
  }

  private draw(app: m.AppSpec): void {
    this.js = new JsListeners(app.fns);
    this.page.render(app, this.viewContext, (f, i) => {
      this.inputs.flush();
      this.socket.send(m.example(f, i));
    });
    this.connection.set("ready");
  }

  /** A value a function wrote is a change too (as in Gradio): its js= change listeners run. */
  private changedByServer(batches: readonly m.Batch[]): void {
    if (this.js.empty) return;
    const changed = new Set<string>();
    for (const batch of batches) for (const e of batch.e) if (e.t === "update") changed.add(e.c);
    for (const c of changed) this.runJs(c, "change");
  }

  /** js= listeners of component `c`'s event `e`: run in the page, their results shown. */
  private runJs(c: string | null, e: string): void {
    if (this.js.empty) return;
    this.js.fire(c, e, (id) => this.page.view(id), this.jsSink);
  }

  private readonly jsSink: JsSink = {
    show: (id, v) => {
      this.page.view(id)?.update(v);
      if (this.page.takesInput(id)) this.inputs.receive(id, v);
    },
    call: (f, args) => {
      this.inputs.flush(); // the server sees the inputs' own values before the call's
      this.socket.send(m.call(++this.calls, f, args));
    },
    fail: (message) => this.toasts.show(message, "error"),
  };

  private serverError(msg: m.ServerError): void {
    if (msg.c !== undefined) this.page.view(msg.c)?.showServerError(msg.msg);
    this.toasts.show(msg.msg, "error");
  }

  private down(code: number, reason: string, retrying: boolean): void {
    this.frames.clear();
    this.acks.reset();
    if (code === CLOSE_RELOADED) this.reloaded = true;
    this.connection.set(retrying ? "reconnecting" : "closed", reason || closeMeaning(code));
  }

  private readonly viewContext: ViewContext = {
    input: (c, v) => {
      this.kept.record(c, this.page.view(c)?.type, v);
      this.inputs.receive(c, v);
      this.runJs(c, "change");
      this.runJs(c, "input");
    },
    trigger: (c, e, d) => {
      this.inputs.flush();
      this.socket.send(m.trigger(c, e, d));
      this.runJs(c, e);
    },
    reset: (c, v) => this.inputs.reset(c, v),
    deepLink: () => linkWith(window.location.href, this.page.linkable()),
    serverCall: (f, result, args) => this.serverCalls.call(f, result, args),
    recreate: (c, props) => this.page.recreate(c, props, this.viewContext),
    fill: (c, v) => {
      const view = this.page.view(c);
      if (view === undefined) return;
      if (view.current() !== undefined) this.inputs.receive(c, v); // an input: the server learns it
      view.update(v);
    },
    upload: (part) => this.socket.send(part),
    stream: (message) => this.socket.send(message),
    cancel: (f) => this.cancel(f),
    mountLayout: (slot, spec, into) => {
      this.runs.addFunctions(spec.fns);
      this.page.mount(slot, spec, this.viewContext, into);
    },
  };
}

/** Shown when a reconnect could not resume the page's session. */
export const FRESH_START =
  "The server restarted or forgot this page's session: the page started afresh, with its " +
  "default values. Enter your inputs again.";

function closeMeaning(code: number): string {
  if (code === 4400) return "the server refused the handshake (4400)";
  if (code === 1008) return "this page's origin was refused (1008)";
  if (code === 4001) return "this session was opened in another tab (4001)";
  return `connection closed (${code})`;
}

// The one user of WebSocket: binary frames only, hello {v:1, session} on every open with the last
// session id (so the server can resume it), reconnect with backoff, and no reconnect after a
// close that says the handshake or origin is refused (4400, 1008) or that a newer page resumed
// this session (4001); at once (no backoff) after 4002, `reactive run --reload` swapping the app.
// Every socket URL carries the page's routing key (route.ts).

import { decodeMessage, encodeMessage } from "../protocol/codec";
import { toServerMessage } from "../protocol/guards";
import { hello, type ClientMessage, type ServerMessage } from "../protocol/messages";
import { Backoff } from "./backoff";
import { newRouteKey, withRouteKey } from "./route";

/** Close codes after which retrying cannot help. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([4400, 1008, 4001]);
/** The server re-imported the app (`--reload`): reconnect now, to a new session. */
export const CLOSE_RELOADED = 4002;

export interface SocketHandlers {
  /** A valid server frame of `bytes` bytes. */
  message(msg: ServerMessage, bytes: number): void;
  /** The socket is down; `retrying` is false after a fatal close. */
  down(code: number, reason: string, retrying: boolean): void;
}

export class Socket {
  private ws: WebSocket | null = null;
  private session: string | null = null;
  private readonly backoff = new Backoff();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly url: string;

  constructor(
    url: string,
    private readonly handlers: SocketHandlers,
    routeKey: string = newRouteKey(),
  ) {
    this.url = withRouteKey(url, routeKey);
  }

  open(): void {
    this.stopped = false;
    const ws = new WebSocket(this.url);
    ws.binaryType = "arraybuffer";
    ws.onopen = () => ws.send(encodeMessage(hello(this.session)));
    ws.onmessage = (ev: MessageEvent) => this.receive(ev.data);
    ws.onclose = (ev: CloseEvent) => this.closed(ws, ev.code, ev.reason);
    this.ws = ws;
  }

  /** Sends one message; false (and nothing sent) while the socket is not open. */
  send(message: ClientMessage): boolean {
    const ws = this.ws;
    if (ws === null || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(encodeMessage(message));
    return true;
  }

  /** Closes for good (no reconnect). */
  close(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.ws?.close(1000);
  }

  private receive(data: unknown): void {
    if (!(data instanceof ArrayBuffer)) {
      console.error("reactive: ignored a text frame; the protocol is binary only");
      return;
    }
    let msg: ServerMessage;
    try {
      msg = toServerMessage(decodeMessage(data));
    } catch (err) {
      console.error("reactive: ignored a bad frame:", err);
      return;
    }
    if (msg.t === "welcome") {
      this.session = msg.session;
      this.backoff.reset();
    }
    this.handlers.message(msg, data.byteLength);
  }

  private closed(ws: WebSocket, code: number, reason: string): void {
    if (ws !== this.ws) return;
    this.ws = null;
    const retrying = !this.stopped && !FATAL_CLOSE_CODES.has(code);
    this.handlers.down(code, reason, retrying);
    if (!retrying) return;
    if (code === CLOSE_RELOADED) {
      this.session = null; // the old app's sessions are gone with it
      this.backoff.reset();
    }
    this.timer = setTimeout(() => this.open(), code === CLOSE_RELOADED ? 0 : this.backoff.next());
  }
}

// Typed messages of wire protocol v1 (docs/protocol.md): what the client sends, what the server
// sends, and the events inside a batch. Pure types plus the few constructors that fix key order.

/** Any value msgpack carries: bin arrives as Uint8Array. */
export type Value =
  | null
  | boolean
  | number
  | string
  | Uint8Array
  | readonly Value[]
  | { readonly [key: string]: Value };

export type Props = { readonly [key: string]: Value };

export const PROTOCOL_VERSION = 1;

// ---- client -> server ------------------------------------------------------------------------

export interface Hello { readonly t: "hello"; readonly v: number; readonly session: string | null }
export interface Input { readonly t: "input"; readonly c: string; readonly v: Value }
export type TriggerEvent =
  | "click" | "submit" | "select" | "release" | "focus" | "blur" | "like" | "edit" | "key_up"
  | "option_select" | "example_select" | "retry" | "undo"
  | "double_click" | "preview_open" | "preview_close" | "keypress"
  | "play" | "pause" | "stop" | "end" | "start_recording" | "pause_recording" | "stop_recording" | "copy";
/** `d`: the event's data (select: {index, value, selected}; like: {index, value, liked}; ...). */
export interface Trigger { readonly t: "trigger"; readonly c: string; readonly e: TriggerEvent; readonly d?: Value }
export interface Cancel { readonly t: "cancel"; readonly f: string }
export interface Ack { readonly t: "ack"; readonly n: number }
export interface Example { readonly t: "example"; readonly f: string; readonly i: number }

/** One part of an uploaded file; part 0 also names the file (docs/protocol.md, "Uploads"). */
export interface Upload {
  readonly t: "upload";
  readonly c: string;
  readonly u: number;
  readonly i: number;
  readonly d: Uint8Array;
  readonly last: boolean;
  readonly name?: string;
  readonly mime?: string;
  readonly size?: number;
}

/** One chunk of a streaming input (docs/protocol.md, "Streaming inputs"). */
export interface StreamChunk {
  readonly t: "stream";
  readonly c: string;
  readonly s: number;
  readonly i: number;
  readonly k: "pcm" | "image";
  readonly d: Uint8Array;
  readonly sr?: number;
  readonly mime?: string;
}
export interface StreamEnd { readonly t: "stream_end"; readonly c: string; readonly s: number }
/** Run function `f` once with `a` (one wire value per input): `k` is echoed in its `called`. */
export interface Call { readonly t: "call"; readonly k: number; readonly f: string; readonly a: readonly Value[] }

export type ClientMessage =
  Hello | Input | Trigger | Cancel | Ack | Example | Upload | StreamChunk | StreamEnd | Call;

// Constructors keep "t" first so frames match the Python codec byte for byte.
export const hello = (session: string | null): Hello => ({ t: "hello", v: PROTOCOL_VERSION, session });
export const input = (c: string, v: Value): Input => ({ t: "input", c, v });
export const trigger = (c: string, e: TriggerEvent, d?: Value): Trigger =>
  d === undefined ? { t: "trigger", c, e } : { t: "trigger", c, e, d };
export const cancel = (f: string): Cancel => ({ t: "cancel", f });
export const ack = (n: number): Ack => ({ t: "ack", n });
export const example = (f: string, i: number): Example => ({ t: "example", f, i });
export const pcmChunk = (c: string, s: number, i: number, sr: number, d: Uint8Array): StreamChunk =>
  ({ t: "stream", c, s, i, k: "pcm", sr, d });
export const imageChunk = (c: string, s: number, i: number, mime: string, d: Uint8Array): StreamChunk =>
  ({ t: "stream", c, s, i, k: "image", mime, d });
export const streamEnd = (c: string, s: number): StreamEnd => ({ t: "stream_end", c, s });
export const call = (k: number, f: string, a: readonly Value[]): Call => ({ t: "call", k, f, a });
export const upload = (
  c: string,
  u: number,
  i: number,
  d: Uint8Array,
  last: boolean,
  file?: { readonly name: string; readonly mime: string; readonly size: number },
): Upload =>
  file === undefined
    ? { t: "upload", c, u, i, d, last }
    : { t: "upload", c, u, i, d, last, name: file.name, mime: file.mime, size: file.size };

// ---- server -> client ------------------------------------------------------------------------

export interface ComponentSpec { readonly type: string; readonly props: Props }

export interface LayoutNode {
  readonly type: string;
  readonly props: Props;
  readonly children: readonly (LayoutNode | string)[];
}

export interface ExamplesSpec {
  readonly inputs: readonly string[];
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Value[])[];
  readonly run: boolean;
  /** The elem_id of the layout block to show the table in (default: under the inputs). */
  readonly at?: string;
}

export interface FnSpec {
  readonly id: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly examples?: ExamplesSpec;
  /** false: its runs show no queued / running state or progress (show_progress="hidden"). */
  readonly progress?: boolean;
  /** A `js=` listener: the page runs it on these triggers (the server never does). */
  readonly js?: string;
  /** true: `js` came with a Python fn, which the page calls with what the JavaScript returns. */
  readonly call?: boolean;
  readonly triggers?: readonly (readonly [string | null, string])[];
}

export interface AppSpec {
  readonly title: string;
  readonly components: { readonly [id: string]: ComponentSpec };
  readonly layout: LayoutNode;
  readonly fns: readonly FnSpec[];
  readonly description?: string;
  readonly footer?: string;
  readonly css?: string;
  readonly theme?: { readonly [name: string]: string };
  /** false: no title heading (a gr.Blocks page). */
  readonly heading?: boolean;
  readonly fill_height?: boolean;
  /** The events, per component, that Blocks listeners wait for (focus, blur, release, select, ...). */
  readonly listen?: { readonly [id: string]: readonly string[] };
  /** A multipage app's pages with no gr.Navbar on this one: [text, href, current, main] rows. */
  readonly pages?: readonly Value[];
}

/** A `render` slot's value (`@gr.render`): the sub-layout the page draws inside the slot. */
export interface SubLayout {
  readonly layout: LayoutNode;
  readonly components: { readonly [id: string]: ComponentSpec };
  readonly fns: readonly FnSpec[];
  readonly listen?: { readonly [id: string]: readonly string[] };
  /** Keyed components that kept their value from the previous render: their views may stay. */
  readonly kept?: readonly string[];
}

export interface Welcome {
  readonly t: "welcome";
  readonly v: number;
  readonly session: string;
  readonly resumed: boolean;
  readonly app: AppSpec;
}

export interface Batch { readonly t: "batch"; readonly n: number; readonly e: readonly BatchEvent[] }

export interface ServerError {
  readonly t: "error";
  readonly code: string;
  readonly msg: string;
  readonly c?: string;
}

export type ServerMessage = Welcome | Batch | ServerError;

// ---- batch events ----------------------------------------------------------------------------

// `f` names the function whose run `r` is (absent for an example's fill): staleness is per function.
export interface Update { readonly t: "update"; readonly c: string; readonly r: number; readonly f?: string; readonly v: Value }
export interface Append {
  readonly t: "append";
  readonly c: string;
  readonly r: number;
  readonly f?: string;
  readonly d: string;
  readonly at: number;
}

export type RunState = "queued" | "running" | "done" | "error" | "cancelled";

export interface Status {
  readonly t: "status";
  readonly f: string;
  readonly r: number;
  readonly s: RunState;
  readonly pos?: number;
  readonly msg?: string;
}

export interface PropsEvent { readonly t: "props"; readonly c: string; readonly r: number; readonly f?: string; readonly p: Props }

export interface Progress {
  readonly t: "progress";
  readonly f: string;
  readonly r: number;
  readonly p?: number;
  readonly msg?: string;
  readonly i?: number;
  readonly n?: number;
  readonly u?: string;
  readonly eta?: number;
}

export type ToastLevel = "info" | "warning" | "error";

export interface Toast {
  readonly t: "toast";
  readonly l: ToastLevel;
  readonly msg: string;
  readonly r?: number;
  readonly d?: number;
}

/** The next piece of a streaming output (audio PCM, video fMP4), in order. */
export interface Chunk { readonly t: "chunk"; readonly c: string; readonly r: number; readonly f?: string; readonly v: Value }
/** A streaming output's run sent its last chunk. */
export interface End { readonly t: "end"; readonly c: string; readonly r: number; readonly f?: string }
/** The server has stored `n` bytes of upload `u` to component `c`. */
export interface Received { readonly t: "received"; readonly c: string; readonly u: number; readonly n: number }

/** The answer to a `call`: its run `r`, or why it was refused (`code`, `msg`). */
export interface Called {
  readonly t: "called";
  readonly k: number;
  readonly f: string;
  readonly r?: number;
  readonly code?: string;
  readonly msg?: string;
}

export type BatchEvent = Update | Append | Status | PropsEvent | Progress | Toast | Chunk | End | Received | Called;

/** Any decoded frame: a map whose "t" is a string. */
export interface Message { readonly t: string; readonly [key: string]: Value }

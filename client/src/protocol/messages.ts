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
export type TriggerEvent = "click" | "submit";
export interface Trigger { readonly t: "trigger"; readonly c: string; readonly e: TriggerEvent }
export interface Cancel { readonly t: "cancel"; readonly f: string }
export interface Ack { readonly t: "ack"; readonly n: number }

export type ClientMessage = Hello | Input | Trigger | Cancel | Ack;

// Constructors keep "t" first so frames match the Python codec byte for byte.
export const hello = (session: string | null): Hello => ({ t: "hello", v: PROTOCOL_VERSION, session });
export const input = (c: string, v: Value): Input => ({ t: "input", c, v });
export const trigger = (c: string, e: TriggerEvent): Trigger => ({ t: "trigger", c, e });
export const cancel = (f: string): Cancel => ({ t: "cancel", f });
export const ack = (n: number): Ack => ({ t: "ack", n });

// ---- server -> client ------------------------------------------------------------------------

export interface ComponentSpec { readonly type: string; readonly props: Props }

export interface LayoutNode {
  readonly type: string;
  readonly props: Props;
  readonly children: readonly (LayoutNode | string)[];
}

export interface FnSpec {
  readonly id: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

export interface AppSpec {
  readonly title: string;
  readonly components: { readonly [id: string]: ComponentSpec };
  readonly layout: LayoutNode;
  readonly fns: readonly FnSpec[];
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

export interface Update { readonly t: "update"; readonly c: string; readonly r: number; readonly v: Value }
export interface Append {
  readonly t: "append";
  readonly c: string;
  readonly r: number;
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

export type BatchEvent = Update | Append | Status;

/** Any decoded frame: a map whose "t" is a string. */
export interface Message { readonly t: string; readonly [key: string]: Value }

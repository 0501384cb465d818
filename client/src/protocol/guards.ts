// Checks that a decoded server frame has the fields docs/protocol.md promises, so the rest of the
// client can trust the types in messages.ts. Top-level faults throw; a faulty batch event is
// dropped alone (with a warning) so the batch is still applied and acknowledged.

import { isMap } from "./codec";
import { expected } from "./errors";
import type { AppSpec, Batch, BatchEvent, Message, RunState, ServerMessage } from "./messages";

const TOAST_LEVELS: ReadonlySet<string> = new Set(["info", "warning", "error"]);
const RUN_STATES: ReadonlySet<string> = new Set<RunState>(["queued", "running", "done", "error", "cancelled"]);

export function toServerMessage(m: Message): ServerMessage {
  switch (m.t) {
    case "welcome":
      need(m, "session", "string");
      need(m, "v", "number");
      if (!isApp(m["app"])) throw expected("welcome.app with title, components, layout, fns", m["app"]);
      return { t: "welcome", v: m["v"] as number, session: m["session"] as string, resumed: m["resumed"] === true, app: m["app"] };
    case "batch":
      return toBatch(m);
    case "error":
      need(m, "code", "string");
      need(m, "msg", "string");
      return typeof m["c"] === "string"
        ? { t: "error", code: m["code"] as string, msg: m["msg"] as string, c: m["c"] }
        : { t: "error", code: m["code"] as string, msg: m["msg"] as string };
    default:
      throw expected("welcome, batch or error", m.t);
  }
}

function toBatch(m: Message): Batch {
  need(m, "n", "number");
  const events = m["e"];
  if (!Array.isArray(events)) throw expected("batch.e to be an array", events);
  const e: BatchEvent[] = [];
  for (const event of events) {
    if (isBatchEvent(event)) e.push(event);
    else console.warn("reactive: dropped a malformed batch event", event);
  }
  return { t: "batch", n: m["n"] as number, e };
}

export function isBatchEvent(e: unknown): e is BatchEvent {
  if (isMap(e) && e["t"] === "toast") return typeof e["msg"] === "string" && TOAST_LEVELS.has(String(e["l"]));
  if (isMap(e) && e["t"] === "received") {
    return typeof e["c"] === "string" && typeof e["u"] === "number" && typeof e["n"] === "number";
  }
  if (isMap(e) && e["t"] === "called") {
    const text = (v: unknown): boolean => v === undefined || typeof v === "string";
    return typeof e["k"] === "number" && typeof e["f"] === "string" && text(e["code"]) && text(e["msg"]);
  }
  if (!isMap(e) || typeof e["r"] !== "number") return false;
  // A component's event names the function whose run it is, unless it is an example's fill.
  if (e["t"] !== "status" && e["t"] !== "progress" && !(e["f"] === undefined || typeof e["f"] === "string")) {
    return false;
  }
  switch (e["t"]) {
    case "chunk":
      return typeof e["c"] === "string" && "v" in e;
    case "end":
      return typeof e["c"] === "string";
    case "props":
      return typeof e["c"] === "string" && isMap(e["p"]);
    case "progress":
      return typeof e["f"] === "string";
    case "update":
      return typeof e["c"] === "string" && "v" in e;
    case "append":
      return typeof e["c"] === "string" && typeof e["d"] === "string" && typeof e["at"] === "number";
    case "status":
      return typeof e["f"] === "string" && typeof e["s"] === "string" && RUN_STATES.has(e["s"]);
    default:
      return false;
  }
}

function isApp(app: unknown): app is AppSpec {
  return (
    isMap(app) &&
    typeof app["title"] === "string" &&
    isMap(app["components"]) &&
    isMap(app["layout"]) &&
    Array.isArray(app["fns"])
  );
}

function need(m: Message, key: string, type: "string" | "number"): void {
  if (typeof m[key] !== type) throw expected(`${m.t}.${key} to be a ${type}`, m[key]);
}

// The input policy seam (after rstudio/shiny's inputPolicies): each policy takes a component's new
// value and forwards it, or not, to the next one; the last one sends it.

import type { Value } from "../protocol/messages";

export interface InputPolicy {
  /** The user changed component `c` to `v`. */
  receive(c: string, v: Value): void;
  /** Pass on anything held back (called before a trigger, so the server sees the value first). */
  flush(): void;
  /** The server set `c` to `v` (or a welcome drew it): what the server has is now `v`. */
  reset(c: string, v: Value): void;
  /** Forget every component (a new welcome). */
  clear(): void;
}

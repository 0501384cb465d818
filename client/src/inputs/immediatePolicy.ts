// The end of the chain: sends every value at once (no debounce: each keystroke is one frame).

import type { Value } from "../protocol/messages";
import type { InputPolicy } from "./policy";

export type InputSink = (c: string, v: Value) => void;

export class ImmediatePolicy implements InputPolicy {
  constructor(private readonly sink: InputSink) {}

  receive(c: string, v: Value): void {
    this.sink(c, v);
  }

  flush(): void {}

  reset(): void {}

  clear(): void {}
}

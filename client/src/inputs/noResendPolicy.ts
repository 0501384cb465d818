// Skips a value equal to the last one the server has for that component.

import type { Value } from "../protocol/messages";
import { sameValue } from "./equal";
import type { InputPolicy } from "./policy";

export class NoResendPolicy implements InputPolicy {
  private readonly last = new Map<string, Value>();

  constructor(private readonly next: InputPolicy) {}

  receive(c: string, v: Value): void {
    if (this.last.has(c) && sameValue(this.last.get(c), v)) return;
    this.last.set(c, v);
    this.next.receive(c, v);
  }

  flush(): void {
    this.next.flush();
  }

  reset(c: string, v: Value): void {
    this.last.set(c, v);
    this.next.reset(c, v);
  }

  clear(): void {
    this.last.clear();
    this.next.clear();
  }
}

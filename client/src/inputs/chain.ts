// The default input chain: NoResendPolicy -> ImmediatePolicy -> sink.

import type { InputPolicy } from "./policy";
import { ImmediatePolicy, type InputSink } from "./immediatePolicy";
import { NoResendPolicy } from "./noResendPolicy";

export function defaultInputChain(sink: InputSink): InputPolicy {
  return new NoResendPolicy(new ImmediatePolicy(sink));
}

// The level meter both microphone views draw while the device is open (recorder.ts for a
// recording, liveCapture.ts for a streaming input).

import { level } from "./recorderCore";

/**
 * Draw `analyser`'s loudness into `bar` (its width) and `meter` (aria-valuenow) every frame while
 * `alive()` holds. `frame` receives each requestAnimationFrame id, so the caller can cancel it.
 */
export function drawLevel(
  analyser: AnalyserNode,
  bar: HTMLElement,
  meter: HTMLElement,
  alive: () => boolean,
  frame: (id: number) => void,
): void {
  const block = new Float32Array(analyser.fftSize);
  const draw = (): void => {
    if (!alive()) return;
    analyser.getFloatTimeDomainData(block);
    const value = level(block);
    bar.style.width = `${Math.round(value * 100)}%`;
    meter.setAttribute("aria-valuenow", value.toFixed(2));
    frame(requestAnimationFrame(draw));
  };
  frame(requestAnimationFrame(draw));
}

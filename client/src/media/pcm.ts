// Streamed audio as it arrives: {k: "pcm", sr, ch, data} with interleaved little-endian int16
// samples (docs/protocol.md, "Streaming media"). Pure: payload checks, samples as floats per
// channel for an AudioBuffer, and the WAV file of a whole stream (replay and download).

import { isMap } from "../protocol/codec";
import type { Value } from "../protocol/messages";

export interface PcmChunk {
  readonly rate: number;
  readonly channels: number;
  /** Interleaved little-endian int16. */
  readonly data: Uint8Array;
}

export function toPcm(v: Value): PcmChunk | null {
  if (!isMap(v) || v["k"] !== "pcm") return null;
  const { sr, ch, data } = v;
  if (typeof sr !== "number" || typeof ch !== "number" || !(data instanceof Uint8Array)) return null;
  if (sr < 3000 || sr > 768000 || ch < 1 || ch > 8 || !Number.isInteger(ch)) return null;
  return { rate: sr, channels: ch, data };
}

export function frameCount(c: PcmChunk): number {
  return Math.floor(c.data.byteLength / 2 / c.channels);
}

/** One Float32Array per channel, in -1..1. */
export function channelData(c: PcmChunk): Float32Array[] {
  const n = frameCount(c);
  const view = new DataView(c.data.buffer, c.data.byteOffset, c.data.byteLength);
  const out = Array.from({ length: c.channels }, () => new Float32Array(n));
  for (let i = 0, at = 0; i < n; i++) {
    for (const channel of out) {
      channel[i] = view.getInt16(at, true) / 32768;
      at += 2;
    }
  }
  return out;
}

/** A 16-bit PCM WAV file of chunks that share one rate and channel count (the first's). */
export function wavFile(chunks: readonly PcmChunk[]): Uint8Array {
  const first = chunks[0];
  const rate = first?.rate ?? 48000;
  const channels = first?.channels ?? 1;
  const same = chunks.filter((c) => c.rate === rate && c.channels === channels);
  const bytes = same.reduce((sum, c) => sum + frameCount(c) * channels * 2, 0);
  const out = new Uint8Array(44 + bytes);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string): void => {
    for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  };
  text(0, "RIFF");
  view.setUint32(4, 36 + bytes, true);
  text(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, bytes, true);
  let at = 44;
  for (const c of same) {
    const size = frameCount(c) * channels * 2;
    out.set(c.data.subarray(0, size), at);
    at += size;
  }
  return out;
}

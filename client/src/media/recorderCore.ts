// What the recorder of media inputs decides without a DOM: which container to ask MediaRecorder
// for, what to tell the user when the device cannot be opened, the elapsed time, the level of a
// block of samples, the WAV file a microphone recording is sent as, and the pace of a streaming input.

import { num } from "../components/props";
import type { Props, StreamChunk, StreamEnd } from "../protocol/messages";

export type CaptureKind = "microphone" | "webcam";

/** How a streaming input captures (media/liveCapture.ts). */
export interface CaptureOptions {
  /** Seconds of sound per chunk, or between frames. */
  every: number;
  /** The longest stream in seconds (null: none). */
  limit: number | null;
  send(message: StreamChunk | StreamEnd): boolean;
  /** Recording starts (the view clears an earlier error). */
  began?(): void;
}

/** The options a streaming input's props give (`stream_every`, `time_limit`). */
export function captureOptions(
  props: Props,
  send: CaptureOptions["send"],
  began: () => void = () => {},
): CaptureOptions {
  const every = num(props, "stream_every");
  const limit = num(props, "time_limit");
  return { every: every !== null && every > 0 ? every : 0.5, limit: limit !== null && limit > 0 ? limit : null, send, began };
}

/** Why the recorder could not start: the component's data-problem. */
export type Problem = "insecure" | "denied" | "missing" | "busy" | "unsupported" | "failed";

export interface CaptureProblem {
  problem: Problem;
  message: string;
}

/** The kind of recorder `sources` asks for (null: upload only). */
export function captureKind(sources: readonly string[], noun: string): CaptureKind | null {
  if (noun === "audio" && sources.includes("microphone")) return "microphone";
  if (noun === "video" && sources.includes("webcam")) return "webcam";
  return null;
}

const AUDIO_TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4", "audio/webm"];
const VIDEO_AUDIO_TYPES = ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4"];
const VIDEO_TYPES = ["video/webm;codecs=vp8", "video/webm", "video/mp4"];

/** The first recording type the browser supports ("" lets MediaRecorder choose). */
export function recordingType(
  kind: CaptureKind,
  withSound: boolean,
  supported: (type: string) => boolean,
): string {
  const wanted = kind === "microphone" ? AUDIO_TYPES : withSound ? VIDEO_AUDIO_TYPES : VIDEO_TYPES;
  return wanted.find((t) => supported(t)) ?? "";
}

/** A file extension for a recording of this MIME type. */
export function extensionOf(mime: string): string {
  const base = mime.split(";")[0]?.trim().toLowerCase() ?? "";
  if (base.endsWith("/mp4")) return "mp4";
  if (base.endsWith("/ogg")) return "ogg";
  if (base.endsWith("/x-matroska")) return "mkv";
  return "webm";
}

/** The page cannot reach capture devices at all (no secure origin, or no API). */
export function unavailable(
  kind: CaptureKind,
  secure: boolean,
  origin: string,
  hasMediaDevices: boolean,
  hasRecorder: boolean,
): CaptureProblem | null {
  const device = kind === "microphone" ? "microphone" : "camera";
  if (!secure) {
    return {
      problem: "insecure",
      message:
        `The browser allows the ${device} only on a secure page, and ${origin} is not one: ` +
        "open this app over https://, or at http://localhost on this computer.",
    };
  }
  if (!hasMediaDevices || !hasRecorder) {
    return {
      problem: "unsupported",
      message: `This browser cannot record from the ${device}: use a recent Chrome, Edge, Firefox or Safari.`,
    };
  }
  return null;
}

/** What to tell the user when getUserMedia or MediaRecorder failed with `err`. */
export function explain(kind: CaptureKind, err: unknown): CaptureProblem {
  const device = kind === "microphone" ? "microphone" : "camera";
  const name = err instanceof Error || isNamed(err) ? err.name : "";
  switch (name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
    case "SecurityError":
      return {
        problem: "denied",
        message:
          `The browser was not allowed to use the ${device}: allow it for this site ` +
          "(the icon beside the address bar, or the browser's site settings), then press Record again.",
      };
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return {
        problem: "missing",
        message: `No ${device} was found: connect one (or choose another), then press Record again.`,
      };
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return {
        problem: "busy",
        message:
          `The ${device} could not be started; another program may be using it: ` +
          "close that program, then press Record again.",
      };
    default: {
      const detail = err instanceof Error ? err.message : String(err);
      return {
        problem: "failed",
        message: `The ${device} could not be recorded (${name || "error"}: ${detail}); press Record to try again.`,
      };
    }
  }
}

function isNamed(err: unknown): err is { name: string } {
  return typeof err === "object" && err !== null && typeof (err as { name?: unknown }).name === "string";
}

/** "0:02.4": minutes, seconds and tenths since recording started. */
export function elapsed(seconds: number): string {
  const tenths = Math.max(0, Math.floor(seconds * 10));
  const s = Math.floor(tenths / 10);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}.${tenths % 10}`;
}

/** A meter level in [0, 1] for a block of samples: its RMS on a dB scale from -60 dB to 0 dB. */
export function level(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const x of samples) sum += x * x;
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db + 60) / 60));
}

/** A 16-bit PCM WAV file of float channels (all the same length) at `rate`. */
export function wavOf(channels: readonly Float32Array[], rate: number): Uint8Array {
  const count = channels.length;
  const frames = channels[0]?.length ?? 0;
  const bytes = frames * count * 2;
  const out = new Uint8Array(44 + bytes);
  const view = new DataView(out.buffer);
  const ascii = (at: number, text: string): void => {
    for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + bytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, count, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * count * 2, true);
  view.setUint16(32, count * 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, bytes, true);
  let at = 44;
  for (let f = 0; f < frames; f++) {
    for (const channel of channels) {
      const x = Math.max(-1, Math.min(1, channel[f] ?? 0));
      view.setInt16(at, x < 0 ? Math.round(x * 32768) : Math.round(x * 32767), true);
      at += 2;
    }
  }
  return out;
}

// The capture of streaming inputs (rx.Audio(sources=["microphone"], streaming=True),
// rx.Image(sources=["webcam"], streaming=True)): Record and Stop, the elapsed time, and while
// recording a level meter (microphone) or the live picture (webcam). What it captures goes up
// as `stream` chunks (docs/protocol.md, "Streaming inputs"): the microphone's int16 PCM from an
// AudioWorklet in chunks of exactly `stream_every` seconds, the camera's picture grabbed to a
// canvas every `stream_every` seconds and sent as a JPEG. It stops at `time_limit`, on Stop,
// or when the server ends the stream (halt).
//
// The root (.rx-capture) has data-state "idle", "starting" or "recording", and data-problem
// when the device could not be opened (recorderCore.ts says why); data-sent counts chunks sent.

import { el, setText } from "../components/dom";
import { drawLevel } from "./levelMeter";
import { imageChunk, pcmChunk, streamEnd, type StreamChunk } from "../protocol/messages";
import {
  elapsed,
  explain,
  unavailable,
  type CaptureKind,
  type CaptureOptions,
  type CaptureProblem,
} from "./recorderCore";

export { captureOptions } from "./recorderCore";

type State = "idle" | "starting" | "recording";

const TICK_MS = 100;
const FRAME_TYPE = "image/jpeg";
const FRAME_QUALITY = 0.8;
/** Streams of every capture on the page are numbered in one sequence: a new one is larger. */
let streams = 0;

export class LiveCapture {
  readonly root: HTMLDivElement;
  readonly record: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly time: HTMLSpanElement;
  private readonly bar: HTMLDivElement;
  private readonly meter: HTMLDivElement;
  private readonly live: HTMLVideoElement | null;
  private readonly message: HTMLDivElement;
  private state: State = "idle";
  private media: MediaStream | null = null;
  private audio: AudioContext | null = null;
  private worklet: AudioWorkletNode | null = null;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private frame = 0;
  private stream = 0;
  private index = 0;
  private began = 0;

  constructor(
    private readonly component: string,
    private readonly kind: CaptureKind,
    private readonly options: CaptureOptions,
  ) {
    this.root = el("div", "rx-capture rx-recorder");
    const controls = el("div", "rx-rec-controls");
    this.record = button("rx-rec-record", "● Record");
    this.stopButton = button("rx-rec-stop", "■ Stop");
    this.time = el("span", "rx-rec-time");
    controls.append(this.record, this.stopButton, this.time);
    this.meter = el("div", "rx-rec-meter");
    this.meter.setAttribute("role", "meter");
    this.meter.setAttribute("aria-label", "Input level");
    this.bar = el("div", "rx-rec-level");
    this.meter.append(this.bar);
    this.root.append(controls);
    if (kind === "webcam") {
      this.live = el("video", "rx-rec-live");
      this.live.muted = true;
      this.live.playsInline = true;
      this.root.append(this.live);
    } else {
      this.live = null;
      this.root.append(this.meter);
    }
    this.message = el("div", "rx-rec-message");
    this.message.setAttribute("role", "alert");
    this.root.append(this.message);
    this.record.addEventListener("click", () => void this.start());
    this.stopButton.addEventListener("click", () => this.stop());
    this.show("idle");
  }

  /** The stream ended without a Stop (the server's error, shown by the view; a lost socket). */
  halt(why = ""): void {
    if (this.state === "idle") return;
    this.release();
    this.show("idle");
    setText(this.message, why);
  }

  dispose(): void {
    this.stop();
  }

  /** Stop: the last piece of sound goes up, then the end of the stream. */
  stop(): void {
    if (this.state === "idle") return;
    const stream = this.stream;
    const worklet = this.worklet;
    if (worklet !== null && this.state === "recording") {
      worklet.port.onmessage = (e: MessageEvent) => {
        this.sendPcm(stream, e.data as PcmMessage);
        this.options.send(streamEnd(this.component, stream));
      };
      worklet.port.postMessage("flush");
      this.worklet = null; // its last message still arrives: release keeps the port
    } else if (this.state === "recording") {
      this.options.send(streamEnd(this.component, stream));
    }
    this.release();
    this.show("idle");
  }

  private async start(): Promise<void> {
    if (this.state !== "idle") return;
    const problem = unavailable(this.kind, window.isSecureContext, location.origin,
      navigator.mediaDevices?.getUserMedia !== undefined, true); // prettier-ignore
    if (problem !== null) return this.fail(problem);
    this.show("starting");
    this.options.began?.();
    this.stream = ++streams;
    this.index = 0;
    const stream = this.stream;
    try {
      const media = await this.open();
      if ((this.state as State) !== "starting" || stream !== this.stream) return stopTracks(media);
      this.media = media;
      if (this.kind === "microphone") await this.startSound(media);
      else await this.startPicture(media);
    } catch (err) {
      if (stream !== this.stream) return;
      this.release();
      return this.fail(explain(this.kind, err));
    }
    if (stream !== this.stream || (this.state as State) !== "starting") return;
    this.began = performance.now();
    this.show("recording");
    const limit = this.options.limit;
    if (limit !== null) this.timers.push(setTimeout(() => this.stop(), limit * 1000));
  }

  private open(): Promise<MediaStream> {
    if (this.kind === "microphone") {
      // The sound as the microphone hears it (no gain control fading a steady tone).
      const sound = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };
      return navigator.mediaDevices.getUserMedia({ audio: sound });
    }
    // Small frames (a function per frame), at the pace frames are asked for (30 fps at most).
    const frameRate = { ideal: Math.min(30, Math.ceil(1 / this.options.every)) };
    return navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240, frameRate } });
  }

  private async startSound(media: MediaStream): Promise<void> {
    // At the microphone's own rate, so its samples go up as they are (no resampling).
    const rate = media.getAudioTracks()[0]?.getSettings().sampleRate;
    const audio = rate === undefined ? new AudioContext() : new AudioContext({ sampleRate: rate });
    this.audio = audio;
    await audio.audioWorklet.addModule(new URL("capture-worklet.js", import.meta.url).href);
    const source = audio.createMediaStreamSource(media);
    const chunk = Math.max(128, Math.round(audio.sampleRate * this.options.every));
    const worklet = new AudioWorkletNode(audio, "rx-pcm-capture", { processorOptions: { chunk } });
    const stream = this.stream;
    worklet.port.onmessage = (e: MessageEvent) => {
      if (stream === this.stream && this.state === "recording") this.sendPcm(stream, e.data as PcmMessage);
    };
    source.connect(worklet);
    this.worklet = worklet;
    const analyser = audio.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const alive = (): boolean => this.audio === audio;
    drawLevel(analyser, this.bar, this.meter, alive, (id) => (this.frame = id));
  }

  private async startPicture(media: MediaStream): Promise<void> {
    const live = this.live;
    if (live === null) return;
    live.srcObject = media;
    await live.play();
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d");
    if (context === null) throw new Error("no 2D canvas");
    const stream = this.stream;
    let busy = false; // a grab still encoding: skip this tick (the newest frame wins)
    const grab = (): void => {
      if (busy || stream !== this.stream || this.state !== "recording" || live.videoWidth === 0) return;
      busy = true;
      canvas.width = live.videoWidth;
      canvas.height = live.videoHeight;
      context.drawImage(live, 0, 0);
      canvas.toBlob(
        (blob) => {
          if (blob === null || stream !== this.stream || this.state !== "recording") {
            busy = false;
            return;
          }
          void blob.arrayBuffer().then((data) => {
            busy = false;
            if (this.state === "recording") this.sendChunk(imageChunk(this.component, stream, this.index, FRAME_TYPE, new Uint8Array(data)));
          });
        },
        FRAME_TYPE,
        FRAME_QUALITY,
      );
    };
    this.timers.push(setInterval(grab, this.options.every * 1000));
  }

  private sendPcm(stream: number, message: PcmMessage): void {
    if (message.data.length === 0) return;
    const bytes = new Uint8Array(message.data.buffer, message.data.byteOffset, message.data.byteLength);
    this.sendChunk(pcmChunk(this.component, stream, this.index, message.rate, bytes));
  }

  private sendChunk(chunk: StreamChunk): void {
    if (chunk.s !== this.stream) return;
    if (!this.options.send(chunk)) return this.halt("The connection to the server was lost: press Record to start again.");
    this.index += 1;
    this.root.dataset["sent"] = String(this.index);
  }

  /** Closes the devices (the light goes off) and what showed them. */
  private release(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    if (this.media !== null) stopTracks(this.media);
    this.media = null;
    cancelAnimationFrame(this.frame);
    const audio = this.audio;
    const flushing = this.worklet === null && audio !== null;
    // A flushing worklet answers first: close its context once that message can have come.
    if (audio !== null) setTimeout(() => void audio.close().catch(() => {}), flushing ? 500 : 0);
    this.audio = null;
    this.worklet = null;
    this.bar.style.width = "0%";
    if (this.live !== null) this.live.srcObject = null;
  }

  private fail(problem: CaptureProblem): void {
    this.show("idle");
    this.root.dataset["problem"] = problem.problem;
    setText(this.message, problem.message);
  }

  private show(state: State): void {
    this.state = state;
    this.root.dataset["state"] = state;
    delete this.root.dataset["problem"];
    setText(this.message, "");
    const busy = state !== "idle";
    this.record.hidden = busy;
    this.stopButton.hidden = !busy;
    this.stopButton.disabled = state !== "recording";
    this.meter.hidden = state !== "recording";
    if (this.live !== null) this.live.hidden = state !== "recording";
    if (state === "recording") {
      const tick = (): void => setText(this.time, elapsed((performance.now() - this.began) / 1000));
      tick();
      this.timers.push(setInterval(tick, TICK_MS));
    } else {
      setText(this.time, state === "starting" ? "Starting…" : "");
    }
  }
}

interface PcmMessage {
  data: Int16Array;
  last: boolean;
  rate: number;
}

function button(className: string, text: string): HTMLButtonElement {
  const b = el("button", className, text);
  b.type = "button";
  return b;
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

// The recorder of media inputs (sources=["microphone"] / ["webcam"]): Record, Stop, Record
// again and Clear buttons, a device chooser when there are several devices, and while recording
// the elapsed time with a level meter (microphone) or the live picture (webcam). It reports the
// finished recording as a File; the view previews it and uploads it in parts like a picked file.
// A microphone recording is decoded in the page and sent as a 16-bit WAV; a webcam recording as
// the browser recorded it (WebM, say: the server converts it when the app asks for MP4).
//
// The root's data-state is "idle", "starting", "recording", "stopping" or "recorded"; when the
// device cannot be opened, data-problem names why (recorderCore.ts) and a message says what to do.
// Pause / Resume holds a recording (data-paused, the time stands still). A recording's start,
// pause and stop are announced on the root as bubbling "rx-recording-start", "-pause" and
// "-stop" events (a Blocks app's start_recording / pause_recording / stop_recording listeners).

import { el, setText } from "../components/dom";
import { drawLevel } from "./levelMeter";
import {
  elapsed,
  explain,
  extensionOf,
  recordingType,
  unavailable,
  wavOf,
  type CaptureKind,
  type CaptureProblem,
} from "./recorderCore";

export interface RecorderEvents {
  /** Recording is starting: the view drops the file it showed. */
  begin(): void;
  /** A finished recording. */
  recorded(file: File): void;
  /** The user cleared the recording. */
  clear(): void;
}

type State = "idle" | "starting" | "recording" | "stopping" | "recorded";

const TICK_MS = 100;

export class Recorder {
  readonly root: HTMLDivElement;
  readonly record: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly pauseButton: HTMLButtonElement;
  /** While paused: when the pause began (the elapsed time leaves paused spans out). */
  private pausedAt: number | null = null;
  private readonly clearButton: HTMLButtonElement;
  private readonly devices: HTMLSelectElement;
  private readonly time: HTMLSpanElement;
  private readonly meter: HTMLDivElement;
  private readonly bar: HTMLDivElement;
  private readonly live: HTMLVideoElement | null;
  private readonly message: HTMLDivElement;
  private readonly note: HTMLSpanElement;
  private state: State = "idle";
  private stream: MediaStream | null = null;
  private media: MediaRecorder | null = null;
  private chunks: Blob[] = [];
  private audio: AudioContext | null = null;
  private frame = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private began = 0;
  /** Bumped by every start and reset, so a late callback of an abandoned recording is ignored. */
  private take = 0;
  private readonly onDeviceChange = (): void => void this.listDevices();

  /** `maxSeconds`: recording stops by itself after this long (`max_length`). */
  constructor(
    private readonly kind: CaptureKind,
    private readonly events: RecorderEvents,
    private readonly maxSeconds: number | null = null,
  ) {
    this.root = el("div", "rx-recorder");
    const controls = el("div", "rx-rec-controls");
    this.record = button("rx-rec-record", "● Record");
    this.stopButton = button("rx-rec-stop", "■ Stop");
    this.pauseButton = button("rx-rec-pause", "❚❚ Pause");
    this.clearButton = button("rx-rec-clear", "Clear");
    this.devices = el("select", "rx-rec-device");
    this.devices.setAttribute("aria-label", kind === "microphone" ? "Microphone" : "Camera");
    this.devices.hidden = true;
    this.time = el("span", "rx-rec-time");
    this.meter = el("div", "rx-rec-meter");
    this.meter.setAttribute("role", "meter");
    this.meter.setAttribute("aria-label", "Input level");
    this.meter.setAttribute("aria-valuemin", "0");
    this.meter.setAttribute("aria-valuemax", "1");
    this.bar = el("div", "rx-rec-level");
    this.meter.append(this.bar);
    controls.append(this.record, this.pauseButton, this.stopButton, this.clearButton, this.time, this.devices);
    this.root.append(controls);
    if (kind === "webcam") {
      this.live = el("video", "rx-rec-live");
      this.live.muted = true;
      this.live.playsInline = true;
      this.live.hidden = true;
      this.root.append(this.live);
    } else {
      this.live = null;
      this.root.append(this.meter);
    }
    this.message = el("div", "rx-rec-message");
    this.message.setAttribute("role", "alert");
    this.note = el("span", "rx-upload-note rx-rec-note");
    this.root.append(this.message, this.note);
    this.record.addEventListener("click", () => void this.start());
    this.stopButton.addEventListener("click", () => this.stop());
    this.pauseButton.addEventListener("click", () => this.togglePause());
    this.clearButton.addEventListener("click", () => {
      this.reset();
      events.clear();
    });
    this.show("idle");
    navigator.mediaDevices?.addEventListener?.("devicechange", this.onDeviceChange);
  }

  /** A line under the recorder: upload progress, or "" to hide it. */
  say(text: string): void {
    setText(this.note, text);
  }

  /** Drops any recording in progress and goes back to idle (the view shows another value). */
  reset(): void {
    this.take += 1;
    if (this.media !== null && this.media.state !== "inactive") this.media.stop();
    this.release();
    this.say("");
    this.show("idle");
  }

  dispose(): void {
    this.reset();
    navigator.mediaDevices?.removeEventListener?.("devicechange", this.onDeviceChange);
  }

  private async start(): Promise<void> {
    if (this.state === "starting" || this.state === "recording" || this.state === "stopping") return;
    const problem = unavailable(
      this.kind,
      window.isSecureContext,
      location.origin,
      navigator.mediaDevices?.getUserMedia !== undefined,
      typeof MediaRecorder !== "undefined",
    );
    if (problem !== null) return this.fail(problem);
    const take = ++this.take;
    this.events.begin();
    this.show("starting");
    let stream: MediaStream;
    try {
      stream = await this.open();
    } catch (err) {
      if (take === this.take) this.fail(explain(this.kind, err));
      return;
    }
    if (take !== this.take) return stopTracks(stream);
    this.stream = stream;
    void this.listDevices();
    let media: MediaRecorder;
    try {
      const type = recordingType(this.kind, stream.getAudioTracks().length > 0, (t) =>
        MediaRecorder.isTypeSupported(t),
      );
      media = new MediaRecorder(stream, type === "" ? {} : { mimeType: type });
    } catch (err) {
      this.release();
      return this.fail(explain(this.kind, err));
    }
    this.media = media;
    this.chunks = [];
    const rate = stream.getAudioTracks()[0]?.getSettings().sampleRate;
    media.addEventListener("dataavailable", (e) => {
      if (take === this.take && e.data.size > 0) this.chunks.push(e.data);
    });
    media.addEventListener("start", () => {
      if (take !== this.take) return;
      this.began = performance.now();
      this.show("recording");
    });
    media.addEventListener("stop", () => {
      if (take === this.take) void this.finish(take, media.mimeType, rate);
    });
    media.addEventListener("error", (e) => {
      if (take !== this.take) return;
      this.reset();
      this.fail(explain(this.kind, (e as Event & { error?: unknown }).error ?? e));
    });
    this.preview(stream);
    media.start(1000);
  }

  private async open(): Promise<MediaStream> {
    const chosen = this.devices.value;
    const device: MediaTrackConstraints | boolean = chosen === "" ? true : { deviceId: { exact: chosen } };
    // The sound as the microphone hears it: noise suppression and gain control would fade a
    // steady tone or music, and the function may want the room's sound anyway.
    const sound = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };
    if (this.kind === "microphone") {
      return navigator.mediaDevices.getUserMedia({ audio: device === true ? sound : { ...device, ...sound } });
    }
    try {
      return await navigator.mediaDevices.getUserMedia({ video: device, audio: sound });
    } catch {
      return navigator.mediaDevices.getUserMedia({ video: device }); // no microphone: picture only
    }
  }

  /** Pause or resume the recording in progress (the time stands still while paused). */
  private togglePause(): void {
    if (this.state !== "recording" || this.media === null) return;
    if (this.pausedAt === null) {
      this.media.pause();
      this.pausedAt = performance.now();
      this.announce("rx-recording-pause");
    } else {
      this.media.resume();
      this.began += performance.now() - this.pausedAt;
      this.pausedAt = null;
    }
    this.root.dataset["paused"] = String(this.pausedAt !== null);
    setText(this.pauseButton, this.pausedAt === null ? "❚❚ Pause" : "▶ Resume");
  }

  private stop(): void {
    if (this.state !== "recording" || this.media === null) return;
    this.show("stopping");
    this.media.stop();
  }

  /** The recorder stopped: the recording as a file (a WAV for the microphone). */
  private async finish(take: number, mime: string, rate: number | undefined): Promise<void> {
    const blob = new Blob(this.chunks, { type: mime });
    this.chunks = [];
    this.release();
    try {
      const file =
        this.kind === "microphone"
          ? new File([await toWav(blob, rate ?? 48000)], "microphone.wav", { type: "audio/wav" })
          : new File([blob], `webcam.${extensionOf(mime)}`, { type: mime.split(";")[0] ?? "video/webm" });
      if (take !== this.take) return;
      if (file.size === 0) throw new Error("the recording is empty");
      this.show("recorded");
      this.events.recorded(file);
    } catch (err) {
      if (take !== this.take) return;
      this.show("idle");
      this.fail({
        problem: "failed",
        message: `This browser could not read its own recording (${err instanceof Error ? err.message : String(err)}): press Record to try again, or upload a file.`,
      });
    }
  }

  /** While recording: the level meter, or the live picture. */
  private preview(stream: MediaStream): void {
    if (this.live !== null) {
      this.live.srcObject = stream;
      this.live.hidden = false;
      void this.live.play().catch(() => {});
      return;
    }
    try {
      const audio = new AudioContext();
      const analyser = audio.createAnalyser();
      analyser.fftSize = 1024;
      audio.createMediaStreamSource(stream).connect(analyser);
      this.audio = audio;
      const alive = (): boolean => this.audio === audio;
      drawLevel(analyser, this.bar, this.meter, alive, (id) => (this.frame = id));
    } catch (err) {
      console.warn("reactive: no level meter", err); // recording works without it
    }
  }

  /** Closes the devices (the camera light goes off) and what showed them. */
  private release(): void {
    if (this.stream !== null) stopTracks(this.stream);
    this.stream = null;
    this.media = null;
    cancelAnimationFrame(this.frame);
    void this.audio?.close().catch(() => {});
    this.audio = null;
    this.bar.style.width = "0%";
    this.meter.setAttribute("aria-valuenow", "0");
    if (this.live !== null) {
      this.live.srcObject = null;
      this.live.hidden = true;
    }
  }

  /** Offers a chooser once the page may see the devices' names, when there are several. */
  private async listDevices(): Promise<void> {
    const wanted = this.kind === "microphone" ? "audioinput" : "videoinput";
    let found: MediaDeviceInfo[];
    try {
      found = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === wanted && d.deviceId !== "");
    } catch {
      return;
    }
    const chosen = this.devices.value || (this.stream?.getTracks().find((t) => t.kind === (wanted === "audioinput" ? "audio" : "video"))?.getSettings().deviceId ?? "");
    this.devices.replaceChildren(
      ...found.map((d, i) => {
        const option = el("option", undefined, d.label || `${this.kind === "microphone" ? "Microphone" : "Camera"} ${i + 1}`);
        option.value = d.deviceId;
        return option;
      }),
    );
    if (found.some((d) => d.deviceId === chosen)) this.devices.value = chosen;
    this.devices.hidden = found.length < 2;
  }

  private fail(problem: CaptureProblem): void {
    this.show(this.state === "recorded" ? "recorded" : "idle");
    this.root.dataset["problem"] = problem.problem;
    setText(this.message, problem.message);
  }

  private announce(name: string): void {
    announceOn(this.root, name);
  }

  private show(state: State): void {
    if (state === "recording" && this.state !== "recording") this.announce("rx-recording-start");
    if (state === "stopping" && this.state === "recording") this.announce("rx-recording-stop");
    this.state = state;
    this.root.dataset["state"] = state;
    if (state !== "recording" && this.pausedAt !== null) {
      this.pausedAt = null;
      setText(this.pauseButton, "❚❚ Pause");
      delete this.root.dataset["paused"];
    }
    delete this.root.dataset["problem"];
    setText(this.message, "");
    const busy = state === "starting" || state === "recording" || state === "stopping";
    this.record.hidden = busy;
    setText(this.record, state === "recorded" ? "● Record again" : "● Record");
    this.stopButton.hidden = !busy;
    this.pauseButton.hidden = state !== "recording";
    this.stopButton.disabled = state !== "recording";
    this.clearButton.hidden = state !== "recorded";
    this.devices.disabled = busy;
    this.meter.hidden = state !== "recording";
    clearInterval(this.ticker);
    if (state === "recording") {
      const tick = (): void => {
        if (this.pausedAt !== null) return;
        const seconds = (performance.now() - this.began) / 1000;
        setText(this.time, elapsed(seconds));
        if (this.maxSeconds !== null && seconds >= this.maxSeconds) this.stop();
      };
      tick();
      this.ticker = setInterval(tick, TICK_MS);
    } else if (state !== "stopping") {
      setText(this.time, state === "starting" ? "Starting…" : "");
    }
  }
}

/** A recording started or stopped: a bubbling DOM event, for the Blocks listeners (listen.ts). */
function announceOn(root: HTMLElement, name: string): void {
  root.dispatchEvent(new CustomEvent(name, { bubbles: true }));
}

function button(className: string, text: string): HTMLButtonElement {
  const b = el("button", className, text);
  b.type = "button";
  return b;
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** Decodes a recording to PCM at `rate` and writes it as a 16-bit WAV. */
async function toWav(blob: Blob, rate: number): Promise<Uint8Array<ArrayBuffer>> {
  const context = new OfflineAudioContext(1, 1, rate);
  const decoded = await context.decodeAudioData(await blob.arrayBuffer());
  const channels = Array.from({ length: decoded.numberOfChannels }, (_, c) => decoded.getChannelData(c));
  return wavOf(channels, decoded.sampleRate) as Uint8Array<ArrayBuffer>;
}

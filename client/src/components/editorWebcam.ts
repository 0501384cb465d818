// The image editor's webcam source: the camera's live picture with Capture and Cancel; a
// capture becomes the background (mirrored when the app asks, as a selfie view is).

import type { Value } from "../protocol/messages";
import { isMap } from "../protocol/codec";
import { explain, unavailable } from "../media/recorderCore";
import { el } from "./dom";
import { blankCanvas } from "./editorCanvas";

export interface WebcamOptions {
  readonly mirror: boolean;
  readonly constraints: MediaStreamConstraints;
}

export function webcamOptions(v: Value | undefined): WebcamOptions {
  const given = isMap(v) ? v : {};
  const constraints = isMap(given["constraints"]) ? (given["constraints"] as MediaStreamConstraints) : { video: true };
  return { mirror: given["mirror"] !== false, constraints: { ...constraints, audio: false } };
}

export class WebcamSnapshot {
  readonly root: HTMLElement;
  private readonly video: HTMLVideoElement;
  private media: MediaStream | null = null;

  constructor(
    private readonly options: WebcamOptions,
    private readonly taken: (picture: HTMLCanvasElement | null, problem?: string) => void,
  ) {
    this.root = el("div", "rx-editor-webcam");
    this.video = el("video");
    this.video.muted = true;
    this.video.playsInline = true;
    if (options.mirror) this.video.style.transform = "scaleX(-1)";
    const capture = el("button", "rx-editor-capture", "Capture");
    capture.type = "button";
    capture.disabled = true; // until the camera's first frame
    this.video.addEventListener("loadeddata", () => (capture.disabled = false));
    capture.addEventListener("click", () => this.capture());
    const cancel = el("button", "rx-editor-cancel", "Cancel");
    cancel.type = "button";
    cancel.addEventListener("click", () => this.finish(null));
    const buttons = el("div", "rx-editor-webcam-buttons");
    buttons.append(capture, cancel);
    this.root.append(this.video, buttons);
  }

  async open(): Promise<void> {
    const devices = navigator.mediaDevices?.getUserMedia !== undefined;
    const problem = unavailable("webcam", window.isSecureContext, location.origin, devices, true);
    if (problem !== null) return this.finish(null, problem.message);
    try {
      this.media = await navigator.mediaDevices.getUserMedia(this.options.constraints);
      this.video.srcObject = this.media;
      await this.video.play();
    } catch (err) {
      this.finish(null, explain("webcam", err).message.replace("press Record again", "try again"));
    }
  }

  private capture(): void {
    const { videoWidth: w, videoHeight: h } = this.video;
    if (w === 0 || h === 0) return; // no frame yet
    const canvas = blankCanvas(w, h);
    const ctx = canvas.getContext("2d");
    if (ctx === null) return;
    if (this.options.mirror) ctx.setTransform(-1, 0, 0, 1, w, 0); // as the person saw it
    ctx.drawImage(this.video, 0, 0, w, h);
    this.finish(canvas);
  }

  private finish(picture: HTMLCanvasElement | null, problem?: string): void {
    this.close();
    this.taken(picture, problem);
  }

  close(): void {
    for (const track of this.media?.getTracks() ?? []) track.stop();
    this.media = null;
    this.video.srcObject = null;
    this.root.remove();
  }
}

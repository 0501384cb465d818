// What the audio and video views share: a whole file shown with the browser's own controls, a
// download link, one stream per run (a newer run stops the older stream at once; cancelled or
// failed runs keep what they played), and, for inputs, a file picker whose file is uploaded in
// parts, or a recorder (sources=["microphone"] / ["webcam"], media/recorder.ts) whose recording
// is uploaded the same way. The root's data-stream says where a stream is: "live", "done", or
// absent.

import { el } from "../components/dom";
import { downloadType } from "../components/downloadType";
import { ObjectUrl } from "../components/objectUrl";
import { bool, num } from "../components/props";
import { ComponentView, type ViewContext } from "../components/view";
import type { Props, RunState, StreamChunk, StreamEnd, Value } from "../protocol/messages";
import { toMediaFile, type MediaFile } from "./mediaValue";
import { FilePicker, progressNote } from "./picker";
import { captureOptions, LiveCapture } from "./liveCapture";
import { Recorder } from "./recorder";
import { captureKind } from "./recorderCore";
import { Uploader } from "./uploader";

export abstract class MediaView<E extends HTMLMediaElement> extends ComponentView {
  protected readonly box: HTMLDivElement;
  protected readonly download: HTMLAnchorElement;
  private readonly fileUrl = new ObjectUrl();
  private picker: FilePicker | null = null;
  private recorder: Recorder | null = null;
  private capture: LiveCapture | null = null;
  private uploader: Uploader | null = null;
  /** The run whose stream the view plays (null: none). */
  protected streamRun: number | null = null;
  protected streamEnded = false;

  constructor(
    id: string,
    type: string,
    props: Props,
    ctx: ViewContext,
    protected readonly player: E,
    private readonly noun: string,
  ) {
    super(id, type, props, ctx);
    this.box = el("div", "rx-media");
    player.classList.add("rx-player");
    player.controls = true;
    player.preload = "metadata";
    player.loop = bool(props, "loop", false);
    this.download = el("a", "rx-download", "Download");
    this.download.hidden = true;
    this.box.append(player, this.download);
    if (bool(props, "interactive", false)) this.addInputs(); // an input (docs/protocol.md)
    this.mount(this.box, this.picker?.input ?? this.recorder?.record ?? this.capture?.record);
    if (this.recorder !== null) this.box.before(this.recorder.root);
    if (this.capture !== null) this.box.before(this.capture.root);
    if (this.picker !== null) this.box.after(this.picker.root);
    this.showFile(toMediaFile(props["value"], `${type}`), null);
    this.seek();
  }

  /** A new playback_position only moves the player (the file is not loaded again). */
  override setProps(p: Props): void {
    const { playback_position: at, ...rest } = p;
    if (at !== undefined) {
      this.props = { ...this.props, playback_position: at };
      this.seek();
    }
    if (Object.keys(rest).length > 0) super.setProps(rest);
  }

  /** playback_position (seconds): where the player stands; set before the file has loaded it
   * is where playing starts. */
  private seek(): void {
    const at = num(this.props, "playback_position");
    if (at !== null && at >= 0 && this.player.currentTime !== at) this.player.currentTime = at;
  }

  /** Outputs offer their file for download (inputs show the user's own file: no link). */
  protected get downloadable(): boolean {
    return bool(this.props, "show_download_button", true) && !bool(this.props, "interactive", false);
  }

  protected get autoplay(): boolean {
    return bool(this.props, "autoplay", false);
  }

  update(v: Value): void {
    this.stopStream();
    this.uploader?.cancel();
    this.recorder?.reset();
    this.showFile(toMediaFile(v, this.type), null);
    if (this.autoplay && this.player.src !== "") void this.play();
    this.ctx.reset(this.id, v);
  }

  chunk(v: Value, r: number): void {
    if (this.streamRun !== r) {
      this.stopStream();
      this.showFile(null, null);
      this.streamRun = r;
      this.streamEnded = false;
      this.root.dataset["stream"] = "live";
      this.startStream();
    }
    this.pushChunk(v);
  }

  end(r: number): void {
    if (this.streamRun !== r || this.streamEnded) return;
    this.streamEnded = true;
    this.endStream();
  }

  override status(s: RunState, pos?: number, msg?: string, r?: number): void {
    super.status(s, pos, msg);
    if (r === undefined || this.streamRun === null) return;
    if (r > this.streamRun && s === "running") this.stopStream(); // a new run starts clean
    else if (r === this.streamRun && s === "error") this.end(r); // what played stays playable
    else if (r === this.streamRun && s === "cancelled") {
      this.end(r);
      this.halt();
    }
  }

  /** The run was cancelled: stop playing (what was received stays for replay). */
  protected halt(): void {
    this.player.pause();
  }

  received(u: number, n: number): void {
    this.uploader?.received(u, n);
  }

  override dispose(): void {
    this.stopStream();
    this.uploader?.cancel();
    this.recorder?.dispose();
    this.capture?.dispose();
    this.fileUrl.clear();
  }

  /** An error naming this input ends a stream it is capturing (the server ended it). */
  override showServerError(msg: string): void {
    this.capture?.halt(); // the error line says why
    super.showServerError(msg);
  }

  /** Shows a whole file in the player (null: nothing), with a download link. */
  protected showFile(file: MediaFile | null, blob: Blob | null): void {
    const data = blob ?? (file?.data ? new Blob([file.data as Uint8Array<ArrayBuffer>], { type: downloadType(file.mime) }) : null);
    if (data === null) {
      this.fileUrl.clear();
      this.player.removeAttribute("src");
      this.player.load();
    } else {
      this.player.src = this.fileUrl.set(data);
    }
    this.player.hidden = data === null;
    this.download.hidden = data === null || !this.downloadable;
    this.download.href = data === null ? "" : this.player.src;
    this.download.download = file?.name ?? this.type;
  }

  /** Plays the player; muted when the browser refuses sound without a click. */
  protected async play(): Promise<void> {
    try {
      await this.player.play();
    } catch (err) {
      if (!(err instanceof DOMException) || err.name !== "NotAllowedError" || this.player.muted) return;
      this.player.muted = true;
      await this.player.play().catch(() => {});
    }
  }

  /** Stops the stream being played, if any (a newer run, a file, the view going away). */
  protected stopStream(): void {
    if (this.streamRun === null) return;
    this.streamRun = null;
    delete this.root.dataset["stream"];
    this.abortStream();
  }

  /** The stream has played to its end: offer the replay. */
  protected streamDone(): void {
    this.root.dataset["stream"] = "done";
  }

  protected abstract startStream(): void;
  protected abstract pushChunk(v: Value): void;
  protected abstract endStream(): void;
  protected abstract abortStream(): void;

  /** The file picker and/or the recorder that `sources` asks for, and the uploader they share. */
  private addInputs(): void {
    const given = this.props["sources"];
    const sources = Array.isArray(given) ? given.filter((s): s is string => typeof s === "string") : ["upload"];
    let name = "";
    const say = (text: string): void => {
      this.picker?.say(text);
      this.recorder?.say(text);
    };
    this.uploader = new Uploader(this.id, (part) => this.ctx.upload?.(part) ?? false, {
      progress: (fraction) => say(progressNote(name, fraction)),
      done: () => say(""),
      failed: (msg) => {
        say("");
        this.showLocalError(msg);
      },
    });
    const send = (file: File): void => {
      name = file.name;
      this.stopStream();
      super.status("done"); // clears an earlier error on this input
      this.showFile({ mime: file.type, data: null, name: file.name }, file);
      this.uploader?.start(file);
    };
    const clear = (): void => {
      this.uploader?.cancel();
      say("");
      this.showFile(null, null);
      this.changed(null);
    };
    const kind = captureKind(sources, this.noun);
    if (kind === "microphone" && bool(this.props, "streaming", false)) {
      const send = (m: StreamChunk | StreamEnd): boolean => this.ctx.stream?.(m) ?? false;
      this.capture = new LiveCapture(this.id, kind, captureOptions(this.props, send, () => this.clearServerError()));
      return; // a streaming input only streams: no file, no picker
    }
    if (kind !== null) {
      this.recorder = new Recorder(kind, {
        begin: () => {
          this.uploader?.cancel();
          say("");
          this.stopStream();
          this.showFile(null, null);
        },
        recorded: send,
        clear,
      }, num(this.props, "max_length"));
    }
    if (sources.includes("upload") || kind === null) {
      const article = /^[aeiou]/.test(this.noun) ? "an" : "a";
      this.picker = new FilePicker(this.id, `${this.noun}/*`, `${article} ${this.noun} file`, {
        pick: (file) => {
          this.recorder?.reset();
          send(file);
        },
        clear: () => {
          this.recorder?.reset();
          clear();
        },
      });
    }
  }
}

// video: a whole file in a <video controls>, or a live stream of fMP4 chunks appended to one
// MediaSource (media/mseStream.ts) in the same element, whose controls then pause, seek and
// replay it. The download link offers the stream's last self-contained file (the whole stream
// when it came from one encoder). As an input, a video file picker (media/mediaView.ts).

import { concat, toFmp4 } from "../media/mediaValue";
import { MediaView } from "../media/mediaView";
import { MseStream } from "../media/mseStream";
import { num, str } from "./props";
import type { Props, Value } from "../protocol/messages";
import { el } from "./dom";
import type { ViewContext } from "./view";

/** Playing starts this long after the first chunk is in: a small buffer against a late chunk. */
export const PREROLL_MS = 100;

export class VideoView extends MediaView<HTMLVideoElement> {
  private mse: MseStream | null = null;
  private file: Uint8Array[] = [];
  private mime = "video/mp4";

  constructor(id: string, props: Props, ctx: ViewContext) {
    const video = el("video");
    video.playsInline = true;
    super(id, "video", props, ctx, video, "video");
    const height = num(props, "height") ?? str(props, "height");
    const width = num(props, "width") ?? str(props, "width");
    if (height !== null) video.style.height = typeof height === "number" ? `${height}px` : height;
    if (width !== null) video.style.width = typeof width === "number" ? `${width}px` : width;
    video.addEventListener("ended", () => {
      if (this.streamEnded && this.root.dataset["stream"] === "live") this.streamDone();
    });
  }

  protected startStream(): void {
    this.player.hidden = false;
    const mse = new MseStream(this.player);
    mse.onfirst = () => {
      if (this.autoplay) setTimeout(() => this.mse === mse && void this.play(), PREROLL_MS);
    };
    mse.onerror = (msg) => this.showLocalError(`This video chunk cannot be played: ${msg}`);
    this.mse = mse;
    this.file = [];
  }

  protected pushChunk(v: Value): void {
    const chunk = toFmp4(v);
    if (chunk === null || this.mse === null) return console.warn(`reactive: ${this.id} got a chunk that is not fMP4`);
    if (chunk.init) this.file = [];
    this.file.push(chunk.data);
    this.mime = chunk.mime.split(";")[0] ?? "video/mp4";
    this.mse.push({ data: chunk.data, mime: chunk.mime });
  }

  protected endStream(): void {
    this.mse?.end();
    const blob = new Blob([concat(this.file) as Uint8Array<ArrayBuffer>], { type: this.mime });
    this.download.href = URL.createObjectURL(blob);
    this.download.download = `${this.id}.mp4`;
    this.download.hidden = this.file.length === 0 || !this.downloadable;
    if (this.player.ended) this.streamDone();
  }

  protected abortStream(): void {
    this.player.pause();
    this.mse?.close();
    this.mse = null;
    this.file = [];
    if (this.download.href.startsWith("blob:")) URL.revokeObjectURL(this.download.href);
    this.download.hidden = true;
  }
}

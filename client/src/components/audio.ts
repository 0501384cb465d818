// audio: a whole file in an <audio controls>, or a live stream of PCM chunks played gaplessly
// with WebAudio (media/pcmPlayer.ts) and shown as a play/pause bar with the time; once the
// stream has played, the page offers it as a WAV file (replay and download). As an input, an
// audio file picker (media/mediaView.ts).

import { clock } from "../media/mediaValue";
import { MediaView } from "../media/mediaView";
import { toPcm, wavFile, type PcmChunk } from "../media/pcm";
import { PcmPlayer } from "../media/pcmPlayer";
import type { Props, Value } from "../protocol/messages";
import { el, setText } from "./dom";
import type { ViewContext } from "./view";

const TICK_MS = 250;

export class AudioView extends MediaView<HTMLAudioElement> {
  private readonly bar: HTMLDivElement;
  private readonly toggle: HTMLButtonElement;
  private readonly time: HTMLSpanElement;
  private live: PcmPlayer | null = null;
  private chunks: PcmChunk[] = [];
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(id: string, props: Props, ctx: ViewContext) {
    super(id, "audio", props, ctx, el("audio"), "audio");
    this.bar = el("div", "rx-live");
    this.toggle = el("button", "rx-live-toggle");
    this.toggle.type = "button";
    this.time = el("span", "rx-live-time");
    this.bar.append(this.toggle, this.time, el("span", "rx-live-dot"));
    this.bar.hidden = true;
    this.toggle.addEventListener("click", () => this.togglePause());
    this.box.prepend(this.bar);
  }

  /** The stream being played (for tests and tools): position, duration, underruns. */
  get stream(): PcmPlayer | null {
    return this.live;
  }

  protected startStream(): void {
    const player = new PcmPlayer(this.autoplay);
    player.onidle = () => this.idle();
    this.live = player;
    this.chunks = [];
    this.bar.hidden = false;
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    this.tick();
  }

  protected pushChunk(v: Value): void {
    const pcm = toPcm(v);
    if (pcm === null || this.live === null) return console.warn(`reactive: ${this.id} got a chunk that is not PCM`);
    this.live.push(pcm);
    this.chunks.push(pcm);
  }

  protected endStream(): void {
    const blob = new Blob([wavFile(this.chunks) as Uint8Array<ArrayBuffer>], { type: "audio/wav" });
    this.showFile({ mime: "audio/wav", data: null, name: `${this.id}.wav` }, blob);
    this.player.hidden = true; // until the live stream has played
    const live = this.live;
    if (live === null || live.idle || live.held) this.idle(); // held: no autoplay, no click yet
  }

  protected abortStream(): void {
    this.live?.stop();
    this.finishLive();
    this.chunks = [];
  }

  protected override halt(): void {
    this.live?.stop();
    this.idle();
  }

  private idle(): void {
    if (!this.streamEnded) return; // ran dry: more chunks are coming
    this.finishLive();
    this.player.hidden = false;
    this.streamDone();
  }

  private finishLive(): void {
    clearInterval(this.ticker);
    this.live?.stop();
    this.live = null;
    this.bar.hidden = true;
  }

  private togglePause(): void {
    if (this.live === null) return;
    if (this.live.paused) this.live.resume();
    else this.live.pause();
    setTimeout(() => this.tick(), 50);
  }

  private tick(): void {
    const live = this.live;
    if (live === null) return;
    setText(this.toggle, live.paused ? "▶" : "❚❚");
    this.toggle.setAttribute("aria-label", live.paused ? "Play" : "Pause");
    setText(this.time, `${clock(live.position)} / ${clock(live.duration)}`);
  }
}

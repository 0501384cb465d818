// Plays one audio stream with WebAudio: an AudioContext at the stream's own sample rate (so no
// buffer is resampled on its own: joins stay sample exact), one AudioBufferSourceNode per chunk,
// started back to back by PlaybackClock. Pause and resume suspend the whole timeline. Stopping
// fades out over a few milliseconds (no click) and closes the context.

import { channelData, frameCount, type PcmChunk } from "./pcm";
import { PlaybackClock } from "./schedule";

const FADE_SECONDS = 0.015;

export class PcmPlayer {
  private ctx: AudioContext | null = null;
  private gain: GainNode | null = null;
  private readonly clock = new PlaybackClock();
  private readonly playing = new Set<AudioBufferSourceNode>();
  private stopped = false;
  private wanted: boolean;
  /** Called when everything pushed so far has played. */
  onidle: (() => void) | null = null;

  constructor(private readonly autoplay: boolean) {
    this.wanted = autoplay;
  }

  /** Schedules a chunk right after the previous one. */
  push(chunk: PcmChunk): void {
    if (this.stopped || frameCount(chunk) === 0) return;
    const fresh = this.ctx === null;
    const ctx = this.context(chunk.rate);
    const buffer = new AudioBuffer({ length: frameCount(chunk), numberOfChannels: chunk.channels, sampleRate: chunk.rate });
    channelData(chunk).forEach((samples, i) => buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, i));
    const source = new AudioBufferSourceNode(ctx, { buffer });
    source.connect(this.gain as GainNode);
    source.onended = () => this.ended(source);
    this.playing.add(source);
    // A context made for this chunk: its lead counts from its start (schedule.ts says why).
    source.start(this.clock.place(ctx.currentTime, buffer.duration, fresh ? 0 : ctx.currentTime));
  }

  /** Seconds of the stream played so far. */
  get position(): number {
    const start = this.clock.startedAt;
    if (this.ctx === null || start === null) return 0;
    const end = this.clock.endsAt ?? start;
    return Math.max(0, Math.min(this.ctx.currentTime, end) - start);
  }

  /** Seconds of the stream received so far. */
  get duration(): number {
    const start = this.clock.startedAt;
    const end = this.clock.endsAt;
    return start === null || end === null ? 0 : end - start;
  }

  get paused(): boolean {
    return this.ctx !== null && this.ctx.state !== "running";
  }

  /** Nothing played yet and nothing will until the user presses play (no autoplay). */
  get held(): boolean {
    return !this.wanted && this.position === 0;
  }

  get idle(): boolean {
    return this.playing.size === 0;
  }

  get underruns(): number {
    return this.clock.underruns;
  }

  pause(): void {
    void this.ctx?.suspend();
  }

  resume(): void {
    this.wanted = true;
    void this.ctx?.resume();
  }

  /** Stops at once (a fade of a few ms) and releases the audio device. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const ctx = this.ctx;
    this.playing.clear();
    if (ctx === null || this.gain === null) return;
    this.gain.gain.setTargetAtTime(0, ctx.currentTime, FADE_SECONDS / 3);
    setTimeout(() => void ctx.close().catch(() => {}), FADE_SECONDS * 4000);
  }

  private context(rate: number): AudioContext {
    if (this.ctx !== null) return this.ctx;
    const ctx = new AudioContext({ sampleRate: rate, latencyHint: "interactive" });
    const gain = new GainNode(ctx);
    gain.connect(ctx.destination);
    if (this.autoplay && ctx.state !== "running") void ctx.resume().catch(() => {});
    else if (!this.autoplay) void ctx.suspend();
    this.ctx = ctx;
    this.gain = gain;
    return ctx;
  }

  private ended(source: AudioBufferSourceNode): void {
    if (!this.playing.delete(source) || this.playing.size > 0) return;
    this.onidle?.();
  }
}

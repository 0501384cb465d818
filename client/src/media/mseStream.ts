// Plays one video stream through Media Source Extensions: one MediaSource and one SourceBuffer
// in "sequence" mode (each appended chunk follows the previous one, whatever its own
// timestamps), appends queued one at a time (the next on `updateend`), the codec changed in
// place when a chunk needs another one, endOfStream() once the run has ended. When the buffer is
// full, what was played more than a minute ago is removed and the append tried again.

export interface Segment {
  readonly data: Uint8Array;
  readonly mime: string;
}

const KEEP_BEHIND_SECONDS = 60;

export class MseStream {
  private readonly source = new MediaSource();
  private readonly url: string;
  private buffer: SourceBuffer | null = null;
  private mime = "";
  private readonly queue: Segment[] = [];
  private ending = false;
  private closed = false;
  private appending = false;
  appended = 0;
  /** After the first chunk is in the buffer (its first frame can be shown). */
  onfirst: (() => void) | null = null;
  onerror: ((msg: string) => void) | null = null;

  constructor(private readonly video: HTMLVideoElement) {
    this.url = URL.createObjectURL(this.source);
    this.source.addEventListener("sourceopen", () => this.pump(), { once: true });
    video.src = this.url;
  }

  push(segment: Segment): void {
    if (this.closed || this.ending) return;
    this.queue.push(segment);
    this.pump();
  }

  /** No more chunks: end the stream once the queue is appended. */
  end(): void {
    this.ending = true;
    this.pump();
  }

  /** Detaches from the element (a new stream or file takes it over). */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    URL.revokeObjectURL(this.url);
  }

  private pump(): void {
    if (this.closed || this.source.readyState !== "open" || this.buffer?.updating === true) return;
    const next = this.queue.shift();
    if (next === undefined) {
      if (this.ending) this.source.endOfStream();
      return;
    }
    try {
      this.append(next);
    } catch (err) {
      if (err instanceof DOMException && err.name === "QuotaExceededError" && this.evict()) {
        this.queue.unshift(next);
      } else {
        this.fail(err);
      }
    }
  }

  private append(segment: Segment): void {
    const buffer = this.sourceBuffer(segment.mime);
    buffer.appendBuffer(segment.data as Uint8Array<ArrayBuffer>);
    this.appending = true;
  }

  private sourceBuffer(mime: string): SourceBuffer {
    if (this.buffer === null) {
      const buffer = this.source.addSourceBuffer(mime);
      buffer.mode = "sequence";
      buffer.addEventListener("updateend", () => this.appendedOne());
      buffer.addEventListener("error", () => this.fail(new Error("the browser could not decode a video chunk")));
      this.buffer = buffer;
      this.mime = mime;
    } else if (mime !== this.mime) {
      this.buffer.changeType(mime);
      this.mime = mime;
    }
    return this.buffer;
  }

  private appendedOne(): void {
    if (this.appending) {
      this.appending = false;
      this.appended += 1;
      if (this.appended === 1) this.onfirst?.();
    }
    this.pump();
  }

  /** Frees played data; false when there is nothing to free. */
  private evict(): boolean {
    const buffer = this.buffer;
    const until = this.video.currentTime - KEEP_BEHIND_SECONDS;
    if (buffer === null || buffer.buffered.length === 0 || until <= buffer.buffered.start(0)) return false;
    buffer.remove(0, until); // its updateend pumps again
    return true;
  }

  private fail(err: unknown): void {
    this.closed = true;
    this.onerror?.(err instanceof Error ? err.message : String(err));
  }
}

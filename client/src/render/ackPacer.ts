// Paces the page's acks: one ack covers every batch applied before it, so a keystroke's reply
// need not cost the server a second inbound frame. An ack leaves once the batches received since
// the last one reach ACK_BYTES (1/16 of the server's 4 MiB window, so a stream never waits on
// it), or ACK_DELAY_MS after the first batch it covers was applied. Pure: the clock is injected.

export const ACK_BYTES = 256 * 1024;
export const ACK_DELAY_MS = 100;

export interface AckClock {
  setTimer(cb: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export class AckPacer {
  /** Bytes of batches received since the last ack. */
  private bytes = 0;
  /** The highest batch applied and not yet acknowledged. */
  private highest: number | null = null;
  private timer: unknown = undefined;
  private armed = false;

  constructor(
    private readonly clock: AckClock,
    private readonly send: (n: number) => void,
  ) {}

  /** A batch of `size` bytes arrived (before it is applied). */
  received(size: number): void {
    this.bytes += size;
  }

  /** Every batch up to `n` is applied. */
  applied(n: number): void {
    this.highest = this.highest === null ? n : Math.max(this.highest, n);
    if (this.bytes >= ACK_BYTES) this.flush();
    else if (!this.armed) {
      this.armed = true;
      this.timer = this.clock.setTimer(() => this.flush(), ACK_DELAY_MS);
    }
  }

  /** Sends the pending ack now, if any. */
  flush(): void {
    this.disarm();
    if (this.highest === null) return;
    const n = this.highest;
    this.highest = null;
    this.bytes = 0;
    this.send(n);
  }

  /** Forgets what is pending (a new connection numbers its batches afresh). */
  reset(): void {
    this.disarm();
    this.highest = null;
    this.bytes = 0;
  }

  private disarm(): void {
    if (!this.armed) return;
    this.armed = false;
    this.clock.clearTimer(this.timer);
  }
}

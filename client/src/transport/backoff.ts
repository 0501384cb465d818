// Reconnect delays: 100 ms, doubling on each failure, capped at 2 s; reset once a session is up.

export class Backoff {
  private attempt = 0;

  constructor(
    private readonly first = 100,
    private readonly max = 2000,
  ) {}

  /** The delay before the next attempt; each call doubles the following one. */
  next(): number {
    const delay = Math.min(this.max, this.first * 2 ** this.attempt);
    if (delay < this.max) this.attempt += 1;
    return delay;
  }

  reset(): void {
    this.attempt = 0;
  }
}

// When each streamed audio buffer starts: right after the previous one (sample exact, so no gap
// and no click), or - when the stream ran dry and that moment has passed - a lead time from now.
// Every underrun doubles the lead (up to a ceiling), so a producer with jitter gets a deeper
// buffer instead of a gap at every chunk. Pure: the AudioContext's time is passed in.
//
// The lead counts from `since`, which is `now` except for the first buffer of a context made for
// it: a new context renders its device's first buffer ahead at once (currentTime is ~20 ms on
// before anything has been heard), so that buffer's lead counts from the context's start, 0.
// Measured (docs/media-measuring.md): first sound ~20 ms sooner, as a hand-written page gets it.

/** Scheduling closer to "now" than this risks starting late (the render quantum, thread hop). */
export const SAFETY_SECONDS = 0.01;
export const FIRST_LEAD_SECONDS = 0.05;
export const MAX_LEAD_SECONDS = 0.4;

export class PlaybackClock {
  private next: number | null = null;
  private first: number | null = null;
  lead = FIRST_LEAD_SECONDS;
  underruns = 0;

  /**
   * The start time for a buffer of `duration` seconds, given the context time `now`; a lead is
   * counted from `since` (≤ now), never closer to `now` than the safety margin.
   */
  place(now: number, duration: number, since: number = now): number {
    let start: number;
    if (this.next !== null && this.next >= now + SAFETY_SECONDS) {
      start = this.next;
    } else {
      if (this.next !== null) {
        this.underruns += 1;
        this.lead = Math.min(MAX_LEAD_SECONDS, this.lead * 2);
      }
      start = Math.max(now + SAFETY_SECONDS, Math.min(since, now) + this.lead);
    }
    this.first ??= start;
    this.next = start + duration;
    return start;
  }

  /** When the first buffer starts (null before any). */
  get startedAt(): number | null {
    return this.first;
  }

  /** When everything scheduled so far has played (null before any). */
  get endsAt(): number | null {
    return this.next;
  }
}

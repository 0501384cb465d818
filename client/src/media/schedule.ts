// When each streamed audio buffer starts: right after the previous one (sample exact, so no gap
// and no click), or - when the stream ran dry and that moment has passed - a lead time from now.
// Every underrun doubles the lead (up to a ceiling), so a producer with jitter gets a deeper
// buffer instead of a gap at every chunk. Pure: the AudioContext's time is passed in.

/** Scheduling closer to "now" than this risks starting late (the render quantum, thread hop). */
export const SAFETY_SECONDS = 0.01;
export const FIRST_LEAD_SECONDS = 0.05;
export const MAX_LEAD_SECONDS = 0.4;

export class PlaybackClock {
  private next: number | null = null;
  private first: number | null = null;
  lead = FIRST_LEAD_SECONDS;
  underruns = 0;

  /** The start time for a buffer of `duration` seconds, given the context time `now`. */
  place(now: number, duration: number): number {
    let start: number;
    if (this.next !== null && this.next >= now + SAFETY_SECONDS) {
      start = this.next;
    } else {
      if (this.next !== null) {
        this.underruns += 1;
        this.lead = Math.min(MAX_LEAD_SECONDS, this.lead * 2);
      }
      start = now + this.lead;
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

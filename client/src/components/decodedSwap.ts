// Shows a stream of pictures in one <img>, each only once it is decoded. Setting img.src for
// every arriving picture would abort the one still decoding: a stream of large pictures that
// arrive faster than they decode would show none of them until it ends. Here one picture
// decodes while only the newest waits behind it (the ones between are dropped unseen), and
// each is shown as soon as it is decoded: the page shows every picture it has time for, in
// order, and the newest within two decodes. DOM-free: the view passes how to make and revoke
// URLs, decode one, and show one.

export interface SwapHost<P> {
  url(picture: P): string;
  revoke(url: string): void;
  /** Resolves once the URL's picture is decoded (or failed: it is shown anyway, broken). */
  decode(url: string): Promise<unknown>;
  show(url: string, picture: P): void;
  /** No picture: the <img> is emptied. */
  clear(): void;
}

interface Entry<P> {
  url: string;
  picture: P;
}

export class DecodedSwap<P> {
  private shown: string | null = null;
  private decoding: Entry<P> | null = null;
  private waiting: Entry<P> | null = null;
  private generation = 0; // bumped by clear(): a decode that ends after it is not shown

  constructor(private readonly host: SwapHost<P>) {}

  set(picture: P): void {
    const entry = { url: this.host.url(picture), picture };
    if (this.decoding === null) return this.start(entry);
    if (this.waiting !== null) this.host.revoke(this.waiting.url); // superseded unseen
    this.waiting = entry;
  }

  clear(): void {
    this.generation += 1;
    for (const entry of [this.decoding, this.waiting]) if (entry !== null) this.host.revoke(entry.url);
    this.decoding = this.waiting = null;
    if (this.shown !== null) this.host.revoke(this.shown);
    this.shown = null;
    this.host.clear();
  }

  private start(entry: Entry<P>): void {
    this.decoding = entry;
    const generation = this.generation;
    const done = (): void => {
      if (generation !== this.generation) return; // cleared meanwhile: already revoked
      this.decoding = null;
      this.swapIn(entry);
      const next = this.waiting;
      this.waiting = null;
      if (next !== null) this.start(next);
    };
    this.host.decode(entry.url).then(done, done);
  }

  private swapIn(entry: Entry<P>): void {
    const previous = this.shown;
    this.shown = entry.url;
    this.host.show(entry.url, entry.picture);
    if (previous !== null) this.host.revoke(previous);
  }
}

// A stream of pictures into one <img>: each shown once decoded, the newest never starved.

import assert from "node:assert/strict";
import { test } from "node:test";
import { DecodedSwap, type SwapHost } from "../src/components/decodedSwap";

class FakeHost implements SwapHost<string> {
  made = 0;
  live = new Set<string>(); // URLs made and not revoked
  shown: string[] = []; // pictures shown, in order
  cleared = 0;
  private pending = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();

  url(picture: string): string {
    const url = `blob:${picture}#${++this.made}`;
    this.live.add(url);
    return url;
  }
  revoke(url: string): void {
    assert.ok(this.live.delete(url), `revoked twice or never made: ${url}`);
  }
  decode(url: string): Promise<unknown> {
    return new Promise<void>((resolve, reject) => this.pending.set(url, { resolve, reject }));
  }
  show(url: string, picture: string): void {
    assert.ok(this.live.has(url), `showed a revoked URL: ${url}`);
    this.shown.push(picture);
  }
  clear(): void {
    this.cleared += 1;
  }
  /** The decode in flight, if any (at most one at a time). */
  decoding(): string[] {
    return [...this.pending.keys()];
  }
  async finish(fail = false): Promise<void> {
    const [url, ...rest] = this.decoding();
    assert.equal(rest.length, 0, "more than one decode at once");
    assert.ok(url !== undefined, "nothing is decoding");
    const pending = this.pending.get(url)!;
    this.pending.delete(url);
    if (fail) pending.reject(new Error("broken picture"));
    else pending.resolve();
    await new Promise((r) => setImmediate(r)); // the promise callbacks run
  }
}

test("pictures that arrive while one decodes: only the newest waits, each shown decoded", async () => {
  const host = new FakeHost();
  const swap = new DecodedSwap(host);
  swap.set("p1");
  for (const p of ["p2", "p3", "p4"]) swap.set(p); // a burst while p1 decodes
  assert.deepEqual(host.shown, []); // nothing is shown before it is decoded
  await host.finish();
  assert.deepEqual(host.shown, ["p1"]);
  await host.finish(); // p4, the newest; p2 and p3 were dropped unseen
  assert.deepEqual(host.shown, ["p1", "p4"]);
  assert.deepEqual(host.decoding(), []);
  assert.equal(host.live.size, 1); // only the shown picture's URL is kept
  swap.set("p5");
  await host.finish();
  assert.deepEqual(host.shown, ["p1", "p4", "p5"]);
  assert.equal(host.live.size, 1);
});

test("a picture that fails to decode is still shown, and the stream goes on", async () => {
  const host = new FakeHost();
  const swap = new DecodedSwap(host);
  swap.set("broken");
  swap.set("fine");
  await host.finish(true);
  assert.deepEqual(host.shown, ["broken"]);
  await host.finish();
  assert.deepEqual(host.shown, ["broken", "fine"]);
});

test("clearing drops what decodes and waits, and revokes every URL", async () => {
  const host = new FakeHost();
  const swap = new DecodedSwap(host);
  swap.set("p1");
  await host.finish();
  swap.set("p2");
  swap.set("p3");
  swap.clear();
  assert.equal(host.cleared, 1);
  assert.equal(host.live.size, 0);
  await host.finish(); // p2's decode ends after the clear: not shown
  assert.deepEqual(host.shown, ["p1"]);
  assert.deepEqual(host.decoding(), []); // and p3 never starts
  swap.set("p4");
  await host.finish();
  assert.deepEqual(host.shown, ["p1", "p4"]);
});

// The routing key a load balancer hashes on: fresh per page, URL-safe, added to the socket URL.

import assert from "node:assert/strict";
import { test } from "node:test";
import { newRouteKey, withRouteKey } from "../src/transport/route";

test("a route key is 22 URL-safe characters and new each time", () => {
  const keys = new Set(Array.from({ length: 200 }, () => newRouteKey()));
  assert.equal(keys.size, 200);
  for (const key of keys) assert.match(key, /^[A-Za-z0-9_-]{22}$/);
});

test("the key goes into the query, after any query the URL already has", () => {
  assert.equal(withRouteKey("ws://h/ws", "k1"), "ws://h/ws?session=k1");
  assert.equal(withRouteKey("wss://h/app/ws?x=1", "k_2"), "wss://h/app/ws?x=1&session=k_2");
});

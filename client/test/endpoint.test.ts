// The socket URL follows the prefix the bundle was served under.

import assert from "node:assert/strict";
import { test } from "node:test";
import { appBase, socketUrl } from "../src/transport/endpoint";

test("an app at the root: ws://host/ws", () => {
  assert.equal(socketUrl(appBase("http://127.0.0.1:8000/static/app.js")), "ws://127.0.0.1:8000/ws");
});

test("an app mounted under a prefix keeps it", () => {
  assert.equal(socketUrl(appBase("http://h:1/demo/static/app.js")), "ws://h:1/demo/ws");
  assert.equal(socketUrl(appBase("https://h/a/b/static/app.js?v=1#x")), "wss://h/a/b/ws");
});

test("the base ends in a slash, for relative API and asset URLs", () => {
  assert.equal(appBase("http://h/demo/static/app.js").href, "http://h/demo/");
});

test("the page's query string rides on the socket URL (gr.Request.query_params)", () => {
  const base = appBase("http://h:1/demo/static/app.js?v=1");
  assert.equal(socketUrl(base, "?user=ann&lang=fr"), "ws://h:1/demo/ws?user=ann&lang=fr");
});

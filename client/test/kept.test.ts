// Inputs kept across a reload: matched by id and type, only interactive plain-valued ones.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { AppSpec } from "../src/protocol/messages";
import { KeptInputs } from "../src/ui/kept";

const APP: AppSpec = {
  title: "t",
  components: {
    name: { type: "textbox", props: { value: "", label: "Name" } },
    steps: { type: "slider", props: { value: 3 } },
    shout: { type: "textbox", props: { value: "", interactive: false } },
    pic: { type: "image", props: {} },
  },
  layout: { type: "column", props: {}, children: [] },
  fns: [],
};

test("a kept value returns to the input of the same id and type", () => {
  const kept = new KeptInputs();
  kept.record("name", "textbox", "Ada");
  kept.record("steps", "number", 9); // the type changed: not restored
  kept.record("shout", "textbox", "HI"); // an output now: not restored
  kept.record("gone", "textbox", "x"); // no longer in the app
  kept.record("pic", "image", null); // not a plain value: never kept
  const { app, restored } = kept.restore(APP);
  assert.deepEqual([...restored], [["name", "Ada"]]);
  assert.equal(app.components["name"]?.props["value"], "Ada");
  assert.equal(app.components["name"]?.props["label"], "Name");
  assert.equal(app.components["steps"]?.props["value"], 3);
  assert.equal(APP.components["name"]?.props["value"], "", "the welcome itself is not changed");
});

test("the newest value wins, and clear forgets them all", () => {
  const kept = new KeptInputs();
  kept.record("name", "textbox", "A");
  kept.record("name", "textbox", "Ada");
  assert.deepEqual([...kept.restore(APP).restored], [["name", "Ada"]]);
  kept.clear();
  assert.equal(kept.restore(APP).restored.size, 0);
});

// The image editor's props as the page reads them: the brush, the webcam, CSS lengths.

import assert from "node:assert/strict";
import { test } from "node:test";
import { brushProps } from "../src/components/editorTools";
import { webcamOptions } from "../src/components/editorWebcam";
import { cssLength } from "../src/components/props";

test("a brush's palette, starting color and size; none without a brush", () => {
  const brush = brushProps({ colors: [["#f00", 1], ["pink", 0.5], "bad"], default_color: ["pink", 0.5], default_size: 7, color_mode: "fixed" });
  assert.deepEqual(brush, { colors: [["#f00", 1], ["pink", 0.5]], color: ["pink", 0.5], size: 7, fixed: true });
  assert.equal(brushProps({ colors: [["#000", 1]], default_size: "auto" })?.size, null);
  assert.deepEqual(brushProps({ colors: [] })?.color, ["#000000", 1]);
  assert.equal(brushProps(null), null);
});

test("the webcam mirrors by default and never asks for sound", () => {
  assert.deepEqual(webcamOptions(undefined), { mirror: true, constraints: { video: true, audio: false } });
  const given = webcamOptions({ mirror: false, constraints: { video: { width: 1024 }, audio: true } });
  assert.deepEqual(given, { mirror: false, constraints: { video: { width: 1024 }, audio: false } });
});

test("heights and widths in pixels or as CSS", () => {
  assert.equal(cssLength({ h: 300 }, "h"), "300px");
  assert.equal(cssLength({ h: "50vh" }, "h"), "50vh");
  assert.equal(cssLength({ h: null }, "h"), null);
});

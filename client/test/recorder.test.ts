// The recorder's decisions without a DOM: sources, recording types, messages, time, level, WAV.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  captureKind,
  captureOptions,
  elapsed,
  explain,
  extensionOf,
  level,
  recordingType,
  unavailable,
  wavOf,
} from "../src/media/recorderCore";

test("sources choose the recorder for the view's medium", () => {
  assert.equal(captureKind(["microphone"], "audio"), "microphone");
  assert.equal(captureKind(["upload", "webcam"], "video"), "webcam");
  assert.equal(captureKind(["upload"], "audio"), null);
  assert.equal(captureKind(["webcam"], "audio"), null);
});

test("the first supported recording type is asked for", () => {
  const only = (...ok: string[]) => (t: string) => ok.includes(t);
  assert.equal(recordingType("microphone", true, only("audio/mp4")), "audio/mp4");
  assert.equal(recordingType("webcam", true, only("video/webm;codecs=vp8,opus", "video/webm")), "video/webm;codecs=vp8,opus");
  assert.equal(recordingType("webcam", false, only("video/webm;codecs=vp8,opus", "video/webm")), "video/webm");
  assert.equal(recordingType("webcam", false, only()), "");
  assert.equal(extensionOf("video/x-matroska;codecs=avc1"), "mkv");
  assert.equal(extensionOf("video/mp4;codecs=avc1"), "mp4");
  assert.equal(extensionOf(""), "webm");
});

test("a device that cannot be opened is explained with what to do", () => {
  const denied = explain("microphone", new DOMException("no", "NotAllowedError"));
  assert.equal(denied.problem, "denied");
  assert.match(denied.message, /not allowed to use the microphone: allow it .* press Record again/);
  assert.equal(explain("webcam", { name: "NotFoundError" }).problem, "missing");
  assert.match(explain("webcam", { name: "NotFoundError" }).message, /No camera was found/);
  assert.equal(explain("webcam", new DOMException("x", "NotReadableError")).problem, "busy");
  assert.match(explain("microphone", new Error("odd")).message, /\(Error: odd\)/);
  const insecure = unavailable("webcam", false, "http://10.0.0.2:8000", true, true);
  assert.equal(insecure?.problem, "insecure");
  assert.match(insecure?.message ?? "", /http:\/\/10\.0\.0\.2:8000 is not one: open this app over https:\/\//);
  assert.equal(unavailable("microphone", true, "https://x", false, true)?.problem, "unsupported");
  assert.equal(unavailable("microphone", true, "https://x", true, true), null);
});

test("elapsed time and the meter level", () => {
  assert.equal(elapsed(0), "0:00.0");
  assert.equal(elapsed(2.06), "0:02.0");
  assert.equal(elapsed(61.25), "1:01.2");
  assert.equal(level(new Float32Array(128)), 0);
  assert.equal(level(new Float32Array(128).fill(1)), 1);
  const quiet = level(new Float32Array(128).fill(0.001)); // -60 dB
  assert.ok(quiet < 0.01, String(quiet));
  assert.ok(Math.abs(level(new Float32Array(128).fill(0.1)) - 2 / 3) < 1e-6); // -20 dB
});

test("a recording is written as a 16-bit WAV, channels interleaved", () => {
  const wav = wavOf([new Float32Array([0, 1, -1]), new Float32Array([0.5, -0.5, 2])], 8000);
  const view = new DataView(wav.buffer);
  assert.equal(new TextDecoder().decode(wav.subarray(0, 4)), "RIFF");
  assert.equal(view.getUint16(22, true), 2);
  assert.equal(view.getUint32(24, true), 8000);
  assert.equal(view.getUint32(40, true), 12);
  const samples = [0, 1, 2, 3, 4, 5].map((i) => view.getInt16(44 + 2 * i, true));
  assert.deepEqual(samples, [0, 16384, 32767, -16384, -32768, 32767]);
});

test("a streaming input's props give its pace and its time limit", () => {
  const send = (): boolean => true;
  const given = captureOptions({ stream_every: 0.25, time_limit: 30 }, send);
  assert.deepEqual([given.every, given.limit], [0.25, 30]);
  const unset = captureOptions({ stream_every: null, time_limit: null }, send);
  assert.deepEqual([unset.every, unset.limit], [0.5, null]); // Gradio's pace, no limit
  const bad = captureOptions({ stream_every: -1, time_limit: 0 }, send);
  assert.deepEqual([bad.every, bad.limit], [0.5, null]);
});

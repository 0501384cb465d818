// A picker's accept list from Gradio's file_types, and files read as values (or refused whole).

import assert from "node:assert/strict";
import { test } from "node:test";
import { acceptOf, readFiles } from "../src/components/fileRead";

test("extensions stay, categories become MIME wildcards", () => {
  assert.equal(acceptOf([".pdf", "image", "video"]), ".pdf,image/*,video/*");
  assert.equal(acceptOf(null), "");
  assert.equal(acceptOf(undefined), "");
});

test("files are read as {name, mime, data}; too many bytes together are refused", async () => {
  const files = [new File(["ab"], "a.txt", { type: "text/plain" }), new File([new Uint8Array(3)], "b.bin")];
  const read = await readFiles(files);
  assert.ok(Array.isArray(read));
  assert.deepEqual(read.map((v) => (v as { name: string }).name), ["a.txt", "b.bin"]);
  assert.equal((read[1] as { mime: string }).mime, "application/octet-stream");
  assert.deepEqual([...(read[0] as { data: Uint8Array }).data], [97, 98]);
  const huge = { name: "big", size: 17 * 1024 * 1024, type: "" } as File;
  assert.equal(typeof (await readFiles([huge])), "string");
});

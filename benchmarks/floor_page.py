"""The floor's page: hand-written HTML and JS, one raw WebSocket per workload, no framework.

It follows reactive's DOM contract (``<div id=ID data-component=TYPE>`` with the value in
``.rx-value``) so the same probes measure both pages. Received text is written to a Text node as
soon as it arrives (no batching, no animation-frame wait); images are shown through blob URLs.
"""

FLOOR_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body>
<div id="key_in" data-component="textbox"><input class="rx-value"></div>
<div id="key_out" data-component="text"><div class="rx-value"></div></div>
<div id="typing_raw_in" data-component="textbox"><input class="rx-value"></div>
<div id="typing_raw_out" data-component="text"><div class="rx-value"></div></div>
<div id="stream_tag" data-component="textbox"><input class="rx-value"></div>
<div id="stream_raw_go" data-component="button"><button class="rx-value">Stream</button></div>
<div id="stream_raw_out" data-component="text"><div class="rx-value"></div></div>
<div id="images_go" data-component="button"><button class="rx-value">Images</button></div>
<div id="images_out" data-component="image"><img class="rx-value" alt=""></div>
<div id="images_paced_go" data-component="button"><button class="rx-value">Paced</button></div>
<div id="images_paced_out" data-component="image"><img class="rx-value" alt=""></div>
<script>
const $ = (id) => document.querySelector(`#${id} .rx-value`);
const open = (path) => {
  const ws = new WebSocket(`ws://${location.host}${path}`);
  ws.binaryType = "arraybuffer";
  return ws;
};
const textNode = (id) => $(id).appendChild(document.createTextNode(""));

const key = open("/key");
const keyOut = textNode("key_out");
$("key_in").addEventListener("input", (e) => key.send(e.target.value));
key.onmessage = (e) => { keyOut.data = e.data; };

const typing = open("/typing");
const typingOut = textNode("typing_raw_out");
$("typing_raw_in").addEventListener("input", (e) => typing.send(e.target.value));
typing.onmessage = (e) => { typingOut.data = e.data; };

const stream = open("/stream");
const streamOut = textNode("stream_raw_out");
let fresh = false;
$("stream_raw_go").addEventListener("click", () => {
  fresh = true;
  stream.send($("stream_tag").value);
});
stream.onmessage = (e) => {
  if (fresh) streamOut.data = e.data;
  else streamOut.appendData(e.data);
  fresh = false;
};

const imageSocket = (path, button, output) => {
  const ws = open(path), img = $(output);
  let url = null;
  $(button).addEventListener("click", () => ws.send("go"));
  ws.onmessage = (e) => {
    const next = URL.createObjectURL(new Blob([e.data], { type: "image/png" }));
    img.src = next;
    if (url !== null) URL.revokeObjectURL(url);
    url = next;
  };
  return ws;
};
const images = imageSocket("/images", "images_go", "images_out");
const paced = imageSocket("/images_paced", "images_paced_go", "images_paced_out");

const opened = (ws) => new Promise((resolve) => ws.addEventListener("open", resolve));
Promise.all([key, typing, stream, images, paced].map(opened)).then(() => {
  document.documentElement.dataset.rxState = "ready";
});
</script>
</body></html>
"""

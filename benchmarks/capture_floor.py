"""The floor of the capture benchmarks: a raw ``websockets`` server and page doing the same work.

The page captures as reactive's client does (the same AudioWorklet module, chunks of exactly
``stream_every`` seconds; the camera grabbed to a canvas every ``stream_every`` and sent as a
JPEG of the same quality), but with no envelope and no codec: a binary frame is the PCM or the
JPEG itself. The server calls the same Python function in a worker thread (``asyncio.to_thread``,
as reactive runs sync functions): every sound chunk in order; for the camera only the newest
frame waits while a call runs (the latest-value rule in a dozen lines), and the mirrored frame
goes back as a JPEG (quality 90, reactive's default) that the page paints in an ``<img>``.

It runs in a thread of the benchmark's own process, so the functions' call times and the page's
clock (``performance.timeOrigin + now()``) are read on one machine's clock.
"""

from __future__ import annotations

import asyncio
import contextlib
import http
import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image as PILImage
from websockets.asyncio.server import ServerConnection, serve
from websockets.http11 import Request, Response

import reactive

HOST = "127.0.0.1"
WORKLET = Path(reactive.__file__).parent / "static" / "capture-worklet.js"
Sound = Callable[[tuple[int, np.ndarray[Any, Any]]], Any]
Picture = Callable[[np.ndarray[Any, Any]], np.ndarray[Any, Any]]

PAGE = """<!doctype html><meta charset="utf-8"><title>capture floor</title>
<button id="mic">mic</button><button id="cam">cam</button><button id="stop">stop</button>
<video id="live" muted playsinline></video><img id="shown" alt=""><pre id="level"></pre>
<script>
const EVERY = Number(new URLSearchParams(location.search).get("every") || "0.25");
let stop = () => {};
function socket(path) {
  const ws = new WebSocket(`ws://${location.host}${path}`);
  ws.binaryType = "arraybuffer";
  return new Promise((ok) => ws.addEventListener("open", () => ok(ws)));
}
document.getElementById("mic").onclick = async () => {
  const media = await navigator.mediaDevices.getUserMedia({audio: {echoCancellation: false,
    noiseSuppression: false, autoGainControl: false}});
  const rate = media.getAudioTracks()[0].getSettings().sampleRate;
  const audio = rate ? new AudioContext({sampleRate: rate}) : new AudioContext();
  await audio.audioWorklet.addModule("/capture-worklet.js");
  const ws = await socket("/mic");
  ws.send(String(audio.sampleRate));
  ws.onmessage = (e) => { document.getElementById("level").textContent = e.data; };
  const node = new AudioWorkletNode(audio, "rx-pcm-capture",
    {processorOptions: {chunk: Math.round(audio.sampleRate * EVERY)}});
  node.port.onmessage = (e) => ws.send(e.data.data);
  audio.createMediaStreamSource(media).connect(node);
  stop = () => { media.getTracks().forEach((t) => t.stop()); audio.close(); ws.close(); };
};
document.getElementById("cam").onclick = async () => {
  const media = await navigator.mediaDevices.getUserMedia({video: {width: 320, height: 240,
    frameRate: {ideal: Math.min(30, Math.ceil(1 / EVERY))}}});
  const live = document.getElementById("live");
  live.srcObject = media; await live.play();
  const ws = await socket("/cam");
  const shown = document.getElementById("shown");
  let url = "";
  ws.onmessage = (e) => {
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(new Blob([e.data], {type: "image/jpeg"}));
    shown.src = url;
  };
  const canvas = document.createElement("canvas");
  const g = canvas.getContext("2d");
  let busy = false;
  const timer = setInterval(() => {
    if (busy || live.videoWidth === 0) return;
    busy = true;
    canvas.width = live.videoWidth; canvas.height = live.videoHeight;
    g.drawImage(live, 0, 0);
    canvas.toBlob((blob) => blob.arrayBuffer().then((d) => { busy = false; ws.send(d); }),
      "image/jpeg", 0.8);
  }, EVERY * 1000);
  stop = () => { clearInterval(timer); media.getTracks().forEach((t) => t.stop()); ws.close(); };
};
document.getElementById("stop").onclick = () => stop();
</script>"""


def _respond(connection: ServerConnection, body: bytes, kind: str) -> Response:
    response = connection.respond(http.HTTPStatus.OK, "")
    response.body = body
    for name in ("Content-Type", "Content-Length"):
        del response.headers[name]
    response.headers["Content-Type"] = kind
    response.headers["Content-Length"] = str(len(body))
    response.headers["Cache-Control"] = "no-store"
    return response


def _page(connection: ServerConnection, request: Request) -> Response | None:
    path = request.path.split("?")[0]
    if path in ("/mic", "/cam"):
        return None  # the WebSocket handshake goes on
    if path == "/capture-worklet.js":
        return _respond(connection, WORKLET.read_bytes(), "text/javascript")
    if path == "/":
        return _respond(connection, PAGE.encode(), "text/html; charset=utf-8")
    return connection.respond(http.HTTPStatus.NOT_FOUND, "Not found\n")


async def _mic(ws: ServerConnection, sound: Sound) -> None:
    rate = int(str(await ws.recv()))
    async for data in ws:  # every chunk, in order: the next waits for this call
        samples = np.frombuffer(bytes(data) if isinstance(data, bytes) else b"", "<i2")
        result = await asyncio.to_thread(sound, (rate, samples.astype(np.int16)))
        await ws.send(str(result))


async def _cam(ws: ServerConnection, picture: Picture) -> None:
    newest: list[bytes] = []
    ready = asyncio.Event()

    async def work() -> None:
        while True:
            await ready.wait()
            ready.clear()
            data = newest.pop()
            await ws.send(await asyncio.to_thread(_mirror_jpeg, picture, data))

    worker = asyncio.create_task(work())
    try:
        async for data in ws:
            newest[:] = [bytes(data) if isinstance(data, bytes) else b""]  # stale ones dropped
            ready.set()
    finally:
        worker.cancel()


def _mirror_jpeg(picture: Picture, data: bytes) -> bytes:
    frame = np.asarray(PILImage.open(io.BytesIO(data)).convert("RGB"))
    out = io.BytesIO()
    PILImage.fromarray(np.ascontiguousarray(picture(frame))).save(out, "JPEG", quality=90)
    return out.getvalue()


def _finish(future: asyncio.Future[None] | None) -> None:
    if future is not None and not future.done():
        future.set_result(None)


@contextlib.contextmanager
def floor_server(sound: Sound, picture: Picture) -> Iterator[str]:
    """Serve the floor page and sockets from a thread; yields its URL."""
    loop = asyncio.new_event_loop()
    started = threading.Event()
    stopping: asyncio.Future[None] | None = None
    port = 0

    async def handle(ws: ServerConnection) -> None:
        path = ws.request.path if ws.request is not None else ""
        if path == "/mic":
            await _mic(ws, sound)
        elif path == "/cam":
            await _cam(ws, picture)

    async def main() -> None:
        nonlocal stopping, port
        stopping = loop.create_future()
        async with serve(handle, HOST, 0, process_request=_page, compression=None) as server:
            port = next(iter(server.sockets)).getsockname()[1]
            started.set()
            await stopping

    thread = threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True)
    thread.start()
    if not started.wait(10):
        raise RuntimeError("The capture floor server did not start.")
    try:
        yield f"http://{HOST}:{port}/"
    finally:
        loop.call_soon_threadsafe(_finish, stopping)
        thread.join(10)
        loop.close()

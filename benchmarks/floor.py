"""The floor: a raw ``websockets`` server doing each workload's work with the least machinery.

One WebSocket per workload (the path says which), no envelope and no codec: text frames carry
the text itself, binary frames the PNG bytes. Compression is off (the least work). The page it
serves is :mod:`benchmarks.floor_page`.

- ``/key``: replies with the upper-cased text of every frame.
- ``/typing``: each frame cancels the previous reply task and starts one that sleeps 100 ms,
  then replies with the upper-cased text (the "latest" policy in five lines of asyncio).
- ``/stream``: a frame holding the run's tag starts the stream: the tag and the first token in
  one frame, then one frame per token, sent as fast as ``send`` returns.
- ``/images``: any frame starts the 31 images, each encoded as PNG by Pillow and sent at once;
  ``/images_paced``: the same, one every 40 ms.
"""

from __future__ import annotations

import asyncio
import functools
import http

from websockets.asyncio.server import ServerConnection, serve
from websockets.http11 import Request, Response

from benchmarks.counters import RunCounter
from benchmarks.floor_page import FLOOR_PAGE
from benchmarks.payloads import PACE_SECONDS, SLOW_SECONDS, TOKENS, noise_stream, png, token
from benchmarks.servers import HOST, ServerProcess

SOCKET_PATHS = ("/key", "/typing", "/stream", "/images", "/images_paced")


async def _key(ws: ServerConnection) -> None:
    async for text in ws:
        await ws.send(str(text).upper())


async def _typing(ws: ServerConnection, runs: RunCounter) -> None:
    reply: asyncio.Task[None] | None = None
    async for text in ws:
        if reply is not None:
            reply.cancel()
        reply = asyncio.create_task(_slow_upper(ws, str(text), runs))


async def _slow_upper(ws: ServerConnection, text: str, runs: RunCounter) -> None:
    runs.start()
    await asyncio.sleep(SLOW_SECONDS)
    runs.finish()
    await ws.send(text.upper())


async def _stream(ws: ServerConnection) -> None:
    async for tag in ws:
        await ws.send(str(tag) + token(0))
        for index in range(1, TOKENS):
            await ws.send(token(index))


async def _images(ws: ServerConnection, pace: float = 0.0) -> None:
    async for _ in ws:
        for image in noise_stream():
            await ws.send(png(image))
            if pace:
                await asyncio.sleep(pace)


def _page(connection: ServerConnection, request: Request) -> Response | None:
    if request.path in SOCKET_PATHS:
        return None  # go on with the WebSocket handshake
    if request.path != "/":
        return connection.respond(http.HTTPStatus.NOT_FOUND, "Not found\n")
    response = connection.respond(http.HTTPStatus.OK, "")
    response.body = FLOOR_PAGE.encode()
    del response.headers["Content-Type"]
    del response.headers["Content-Length"]
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    response.headers["Content-Length"] = str(len(response.body))
    response.headers["Cache-Control"] = "no-store"
    return response


async def _handle(ws: ServerConnection, typing_runs: RunCounter) -> None:
    path = ws.request.path if ws.request is not None else ""
    if path == "/key":
        await _key(ws)
    elif path == "/typing":
        await _typing(ws, typing_runs)
    elif path == "/stream":
        await _stream(ws)
    elif path == "/images":
        await _images(ws)
    elif path == "/images_paced":
        await _images(ws, PACE_SECONDS)


async def _serve_floor(port: int, typing_runs: RunCounter) -> None:
    handler = functools.partial(_handle, typing_runs=typing_runs)
    async with serve(handler, HOST, port, process_request=_page, compression=None) as server:
        await server.serve_forever()


def _run_floor(typing_runs: RunCounter, port: int) -> None:
    asyncio.run(_serve_floor(port, typing_runs))


class FloorServer(ServerProcess):
    """``with FloorServer() as floor: floor.url``; serves from its own process."""

    def __init__(self, cpus: set[int] | None = None) -> None:
        #: Replies started and finished on ``/typing``.
        self.typing_runs = RunCounter()
        serve = functools.partial(_run_floor, self.typing_runs)
        super().__init__(serve, "The floor server", cpus=cpus)

"""``python -m benchmarks --api``: a call's round trip through ``rx.Client`` and ``POST /api``,
each against a floor doing the same work (a raw WebSocket server, a bare Starlette route), as
ratios measured in one run. Every server runs in its own process, as ``reactive run`` does.
With ``--gradio``, ``gradio_client`` against a Gradio app with the same function joins the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx2 as httpx
import msgpack
from websockets.asyncio.client import connect
from websockets.asyncio.server import ServerConnection, serve

import reactive as rx
from benchmarks import api_table
from benchmarks.api_gradio import gradio_app
from benchmarks.api_table import Figure, Result
from benchmarks.servers import HOST, ServerProcess
from reactive.cli import serve as serve_reactive

CALLS = 300
QUICK_CALLS = 60
WARMUP = 20


def shout(text: str) -> str:
    """The work every target does: upper-case a short text."""
    return text.upper()


def _app() -> rx.App:
    app = rx.App(title="API bench")
    app.fn(inputs=rx.Textbox(), outputs=rx.Text())(shout)
    return app


def _reactive(port: int) -> None:
    logging.getLogger("reactive").setLevel(logging.WARNING)
    with contextlib.redirect_stdout(io.StringIO()):
        serve_reactive(_app(), host=HOST, port=port)


def _raw_socket(port: int) -> None:
    """The WebSocket floor: msgpack in, the same work, msgpack out; no sessions, no scheduler."""

    async def answer(socket: ServerConnection) -> None:
        async for frame in socket:
            message = msgpack.unpackb(frame)
            await socket.send(msgpack.packb({"v": shout(message["a"])}))

    async def main() -> None:
        async with serve(answer, HOST, port):
            await asyncio.Future()

    asyncio.run(main())


def _bare_route(port: int) -> None:
    """The HTTP floor: one Starlette route doing the same work, served by uvicorn."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    async def route(request: Request) -> JSONResponse:
        body = await request.json()
        return JSONResponse({"data": [shout(body["data"][0])]})

    app = Starlette(routes=[Route("/shout", route, methods=["POST"])])
    uvicorn.run(app, host=HOST, port=port, log_level="warning", access_log=False)


def _timed(call: Callable[[], Any], count: int) -> list[float]:
    """The round trips of ``call`` in milliseconds, after a warm-up."""
    for _ in range(WARMUP):
        call()
    times = []
    for _ in range(count):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _socket_floor(url: str, count: int) -> list[float]:
    async def measure() -> list[float]:
        async with connect(url.replace("http", "ws", 1)) as socket:

            async def once() -> None:
                await socket.send(msgpack.packb({"a": "hello"}))
                assert msgpack.unpackb(await socket.recv())["v"] == "HELLO"

            for _ in range(WARMUP):
                await once()
            times = []
            for _ in range(count):
                start = time.perf_counter()
                await once()
                times.append((time.perf_counter() - start) * 1000)
            return times

    return asyncio.run(measure())


def _client(url: str, count: int) -> list[float]:
    async def measure() -> list[float]:
        async with rx.AsyncClient(url) as client:
            for _ in range(WARMUP):
                await client.call("shout", "hello")
            times = []
            for _ in range(count):
                start = time.perf_counter()
                assert await client.call("shout", "hello") == "HELLO"
                times.append((time.perf_counter() - start) * 1000)
            return times

    return asyncio.run(measure())


def _post(url: str, count: int) -> list[float]:
    with httpx.Client() as http:

        def once() -> None:
            response = http.post(url, json={"data": ["hello"]})
            assert response.json() == {"data": ["HELLO"]}

        return _timed(once, count)


def _gradio(count: int) -> Result:
    with gradio_app() as app:
        if isinstance(app, api_table.NotAvailable):
            return app
        return app.drive(count, WARMUP)


def run(quick: bool, gradio: bool = False) -> int:
    count = QUICK_CALLS if quick else CALLS
    load = os.getloadavg()[0]
    print(f"cpus: {os.cpu_count()}, load average at start: {load:.1f}", file=sys.stderr)
    results: dict[str, Result] = {}
    with (
        ServerProcess(_reactive, "reactive") as app,
        ServerProcess(_raw_socket, "raw WebSocket") as raw,
        ServerProcess(_bare_route, "bare Starlette") as bare,
    ):
        results[api_table.SOCKET_FLOOR] = Figure.of(_socket_floor(raw.url, count))
        results[api_table.CLIENT] = Figure.of(_client(app.url, count))
        if gradio:  # after ours, so Gradio's start-up does not load the machine during them
            results[api_table.GRADIO] = _gradio(count)
        results[api_table.HTTP_FLOOR] = Figure.of(_post(bare.url + "shout", count))
        results[api_table.API] = Figure.of(_post(app.url + "api/shout", count))
    print(f"\nAPI round trips of {count} sequential calls each (one connection each)")
    print(f"machine: {os.cpu_count()} CPUs shared with other jobs, load {load:.1f}: compare ratios")
    for line in api_table.render(results):
        print(line)
    if not gradio:
        print("gradio_client: not measured (opt-in: --api --gradio)")
    return 0

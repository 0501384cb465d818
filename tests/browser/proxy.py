"""A reverse proxy for tests that strips a path prefix, as nginx's ``proxy_pass`` does.

``https://host/demo/x`` reaches the app as ``/x``; with ``--root-path /demo`` the app writes its
URLs back with the prefix. Each request line is rewritten and the request asked to close its
connection (so every request is seen here), except WebSocket upgrades, whose bytes are then piped.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from urllib.parse import urlsplit


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with suppress(ConnectionError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    with suppress(ConnectionError, RuntimeError):
        writer.close()


def _rewrite(head: bytes, prefix: str) -> bytes | None:
    """The request head with ``prefix`` taken off its path; None for a path outside it."""
    line, _, rest = head.partition(b"\r\n")
    method, target, version = line.decode("latin-1").split(" ")
    if target != prefix and not target.startswith(prefix + "/"):
        return None
    target = target[len(prefix) :] or "/"
    if b"upgrade: websocket" not in rest.lower():
        rest = b"Connection: close\r\n" + rest
    return f"{method} {target} {version}\r\n".encode("latin-1") + rest


@contextmanager
def stripping_proxy(upstream: str, prefix: str) -> Iterator[str]:
    """Serve ``upstream`` (a URL) under ``prefix`` on a free loopback port; yields the base URL."""
    target = urlsplit(upstream)
    loop = asyncio.new_event_loop()
    started = threading.Event()
    stop = asyncio.Event()
    bound: list[int] = []
    handlers: set[asyncio.Task[None]] = set()

    async def handle(client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        handlers.add(task)
        task.add_done_callback(handlers.discard)
        upstream_w: asyncio.StreamWriter | None = None
        try:
            rewritten = _rewrite(await client_r.readuntil(b"\r\n\r\n"), prefix)
            if rewritten is None:
                client_w.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                return
            upstream_r, upstream_w = await asyncio.open_connection(target.hostname, target.port)
            upstream_w.write(rewritten)
            await asyncio.gather(_pipe(client_r, upstream_w), _pipe(upstream_r, client_w))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            for writer in (client_w, upstream_w):
                if writer is not None:
                    writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        bound.append(server.sockets[0].getsockname()[1])
        started.set()
        async with server:
            await stop.wait()
            for task in list(handlers):
                task.cancel()
            await asyncio.gather(*handlers, return_exceptions=True)

    thread = threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True)
    thread.start()
    started.wait(10)
    try:
        yield f"http://127.0.0.1:{bound[0]}{prefix}/"
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(10)
        loop.close()

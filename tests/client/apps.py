"""Apps the client, HTTP and MCP suites call, and what their runs record on the server."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

import reactive as rx

RATE = 16_000


@dataclass
class Seen:
    """What the server side saw: a slow run's start and whether it ran to its end."""

    started: threading.Event = field(default_factory=threading.Event)
    stopped: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)
    received: list[Any] = field(default_factory=list)
    ticking: threading.Event = field(default_factory=threading.Event)
    ticker_stopped: threading.Event = field(default_factory=threading.Event)
    active: int = 0
    peak: int = 0


def api_app(seen: Seen) -> rx.App:
    app = rx.App(title="API")

    @app.fn(inputs=rx.Textbox(label="text"), outputs=rx.Text(label="loud"))
    def shout(text: str) -> str:
        """Upper-case the text."""
        return text.upper()

    @app.fn(inputs=[rx.Textbox(), rx.Number()], outputs=[rx.Text(), rx.Number()])
    def repeat(text: str, times: float) -> tuple[str, float]:
        return text * int(times), times * 2

    @app.fn(inputs=rx.Number(label="n"), outputs=rx.Text())
    def count(n: float) -> Iterator[str]:
        """Count up to n, one number per update."""
        text = ""
        for i in range(int(n)):
            text += f"{i} "
            yield text

    @app.fn(inputs=rx.Number(), outputs=rx.Text(), on_busy="queue")
    async def slow(seconds: float) -> str:
        seen.started.set()
        try:
            await asyncio.sleep(seconds)
            seen.finished.set()
            return "slept"
        finally:
            seen.stopped.set()

    @app.fn(inputs=rx.Textbox(), outputs=rx.Text())
    def fail(text: str) -> str:
        raise rx.Error(f"cannot take {text!r}")

    @app.fn(inputs=rx.Image(type="numpy"), outputs=rx.Image(format="png"))
    def invert(picture: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Invert a picture's colours."""
        return 255 - picture

    @app.fn(inputs=rx.File(), outputs=rx.File())
    def reverse(path: str) -> str:
        with open(path, "rb") as source:
            data = source.read()
        seen.received.append(data)
        out = path + ".reversed"
        with open(out, "wb") as target:
            target.write(data[::-1])
        return out

    @app.fn(inputs=rx.Audio(type="numpy"), outputs=rx.Number())
    def loudest(sound: tuple[int, np.ndarray[Any, Any]]) -> int:
        rate, samples = sound
        seen.received.append(rate)
        return int(np.abs(samples.astype(np.int32)).max())

    @app.fn(inputs=rx.Audio(type="filepath"), outputs=rx.Number())
    def size_of(path: str) -> int:
        with open(path, "rb") as source:
            return len(source.read())

    @app.fn(inputs=rx.Number(), outputs=rx.Audio(streaming=True))
    async def tones(chunks: float) -> AsyncIterator[tuple[int, np.ndarray[Any, Any]]]:
        for i in range(int(chunks)):
            yield RATE, np.full(800, (i + 1) * 1000, dtype=np.int16)

    @app.fn(inputs=rx.Number(label="n"), outputs=rx.Number())
    def steps(n: float) -> Iterator[int]:
        """Yield 1 to n: a number output sends every value, so each is one update."""
        yield from range(1, int(n) + 1)

    @app.fn(inputs=rx.Number(), outputs=rx.Number())
    async def ticker(start: float) -> AsyncIterator[float]:
        seen.ticking.set()
        try:
            value = start
            while True:
                yield value
                value += 1
                await asyncio.sleep(0.02)
        finally:
            seen.ticker_stopped.set()

    @app.fn(inputs=rx.Number(), outputs=rx.Number(), concurrency_limit=1)
    async def exclusive(x: float) -> float:
        seen.active += 1
        seen.peak = max(seen.peak, seen.active)
        try:
            await asyncio.sleep(0.05)
            return x
        finally:
            seen.active -= 1

    @app.fn(inputs=rx.Textbox(), outputs=rx.Text(), api=False)
    def private(text: str) -> str:
        return text

    return app

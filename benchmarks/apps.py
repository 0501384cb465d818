"""The reactive app under test: one component pair per workload, ids shared with the floor page.

Element ids (the floor page uses the same ones, with the variant ``raw``):

- keystrokes: ``key_in`` (textbox) → ``key_out`` (text), ``live=True``;
- fast typing: ``typing_{sync,async}_in`` → ``typing_{sync,async}_out``, a 100 ms function;
- text stream: ``stream_tag`` (textbox) and ``stream_{async,sync}_go`` (button) →
  ``stream_{async,sync}_out`` (text), a generator of the growing text;
- images: ``images_go`` (button) → ``images_out`` (image), an async generator of noise images.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import reactive as rx
from benchmarks.counters import RunCounter
from benchmarks.payloads import (
    PACE_SECONDS,
    SLOW_SECONDS,
    TOKENS,
    NoiseImage,
    noise_stream,
    token,
)

TYPING_VARIANTS = ("sync", "async")
STREAM_VARIANTS = ("async", "sync")


@dataclass(frozen=True)
class BenchApp:
    app: rx.App
    #: Runs of the 100 ms functions, by variant, counted inside the functions.
    typing_runs: dict[str, RunCounter]


def build_app() -> BenchApp:
    app = rx.App(title="reactive benchmarks")
    runs = {variant: RunCounter() for variant in TYPING_VARIANTS}
    _add_keystrokes(app)
    _add_typing(app, runs)
    _add_streams(app)
    _add_images(app)
    return BenchApp(app, runs)


def _add_keystrokes(app: rx.App) -> None:
    @app.fn(inputs=rx.Textbox(elem_id="key_in"), outputs=rx.Text(elem_id="key_out"), live=True)
    def shout(text: str) -> str:
        return text.upper()


def _add_typing(app: rx.App, runs: dict[str, RunCounter]) -> None:
    sync_runs, async_runs = runs["sync"], runs["async"]

    @app.fn(
        inputs=rx.Textbox(elem_id="typing_sync_in"),
        outputs=rx.Text(elem_id="typing_sync_out"),
        live=True,
    )
    def slow_sync(text: str) -> str:
        sync_runs.start()
        time.sleep(SLOW_SECONDS)
        sync_runs.finish()
        return text.upper()

    @app.fn(
        inputs=rx.Textbox(elem_id="typing_async_in"),
        outputs=rx.Text(elem_id="typing_async_out"),
        live=True,
    )
    async def slow_async(text: str) -> str:
        async_runs.start()
        await asyncio.sleep(SLOW_SECONDS)
        async_runs.finish()
        return text.upper()


def _add_streams(app: rx.App) -> None:
    tag = rx.Textbox(elem_id="stream_tag")

    @app.fn(
        inputs=tag,
        outputs=rx.Text(elem_id="stream_async_out"),
        trigger=rx.Button("Stream (async)", elem_id="stream_async_go"),
    )
    async def stream_async(prefix: str) -> AsyncIterator[str]:
        text = prefix
        for index in range(TOKENS):
            text += token(index)
            yield text

    @app.fn(
        inputs=tag,
        outputs=rx.Text(elem_id="stream_sync_out"),
        trigger=rx.Button("Stream (sync)", elem_id="stream_sync_go"),
    )
    def stream_sync(prefix: str) -> Iterator[str]:
        text = prefix
        for index in range(TOKENS):
            text += token(index)
            yield text


def _add_images(app: rx.App) -> None:
    @app.fn(
        outputs=rx.Image(elem_id="images_out"),
        trigger=rx.Button("Images", elem_id="images_go"),
    )
    async def images() -> AsyncIterator[NoiseImage]:
        for image in noise_stream():
            yield image

    @app.fn(
        outputs=rx.Image(elem_id="images_paced_out"),
        trigger=rx.Button("Paced images", elem_id="images_paced_go"),
    )
    async def paced_images() -> AsyncIterator[NoiseImage]:
        for image in noise_stream():
            yield image
            await asyncio.sleep(PACE_SECONDS)

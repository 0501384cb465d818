"""Issue 9, item 12: sessions streaming at once each receive only their own frames.

Fifty protocol-level pages on one real uvicorn server on 127.0.0.1, each streaming a generator
(text tokens and small images) tagged with its own input. The generators meet at a barrier after
their first yield, so all fifty streams are provably open at the same time.
"""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import msgpack
import numpy as np
import pytest
from PIL import Image
from websockets.asyncio.client import ClientConnection, connect

import reactive as rx
from reactive.cli import background_server

SESSIONS = 50
TOKENS = 20
DEADLINE_SECONDS = 12.0


@dataclass
class Streaming:
    """What the server saw: how many generators were running at once, at most."""

    active: int = 0
    peak: int = 0
    tags: list[str] = field(default_factory=list)
    all_open: asyncio.Event = field(default_factory=asyncio.Event)


def token(tag: str, step: int) -> str:
    return f"<{tag}:{step}>"


def streaming_app(seen: Streaming) -> rx.App:
    app = rx.App()
    tag_box = rx.Textbox(elem_id="tag")

    @app.fn(
        inputs=tag_box,
        outputs=[rx.Text(elem_id="text"), rx.Image(elem_id="img", format="png")],
        trigger=rx.Button("Go", elem_id="go"),
    )
    async def stream(tag: str) -> AsyncIterator[tuple[str, np.ndarray[Any, Any]]]:
        index = int(tag.removeprefix("s"))
        seen.tags.append(tag)
        seen.active += 1
        seen.peak = max(seen.peak, seen.active)
        try:
            text = ""
            for step in range(TOKENS):
                text += token(tag, step)
                picture = np.zeros((4, 4, 3), dtype=np.uint8)
                picture[..., 0], picture[..., 1] = index, step  # the session and the step
                yield text, picture
                if step == 0:  # a barrier: every stream is open before any goes on
                    if seen.peak == SESSIONS:
                        seen.all_open.set()
                    async with asyncio.timeout(DEADLINE_SECONDS):
                        await seen.all_open.wait()
                await asyncio.sleep(0.002)
        finally:
            seen.active -= 1

    return app


@pytest.fixture
def served() -> Iterator[tuple[str, Streaming]]:
    seen = Streaming()
    with background_server(streaming_app(seen)) as url:
        yield url.replace("http://", "ws://") + "ws", seen


def pack(message: dict[str, Any]) -> bytes:
    packed: bytes = msgpack.packb(message, use_bin_type=True)
    return packed


@dataclass
class Received:
    session: str = ""
    texts: list[str] = field(default_factory=list)  # every update value and append delta
    text: str = ""
    pixels: list[tuple[int, int]] = field(default_factory=list)  # (red, green) of each image
    done: bool = False
    errors: list[dict[str, Any]] = field(default_factory=list)


async def page(url: str, index: int) -> Received:
    got = Received()
    origin = url.replace("ws://", "http://").removesuffix("/ws")
    async with connect(url, origin=origin, max_size=None) as ws:  # type: ignore[arg-type]
        await ws.send(pack({"t": "hello", "v": 1, "session": None}))
        welcome = msgpack.unpackb(await asyncio.wait_for(ws.recv(), DEADLINE_SECONDS))
        assert welcome["t"] == "welcome"
        got.session = welcome["session"]
        await ws.send(pack({"t": "input", "c": "tag", "v": f"s{index}"}))
        await ws.send(pack({"t": "trigger", "c": "go", "e": "click"}))
        await read_until_done(ws, got)
    return got


async def read_until_done(ws: ClientConnection, got: Received) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + DEADLINE_SECONDS
    while not got.done:
        message = msgpack.unpackb(await asyncio.wait_for(ws.recv(), deadline - loop.time()))
        if message["t"] == "error":
            got.errors.append(message)
            continue
        assert message["t"] == "batch"
        await ws.send(pack({"t": "ack", "n": message["n"]}))
        for event in message["e"]:
            apply(event, got)


def apply(event: dict[str, Any], got: Received) -> None:
    kind, component = event["t"], event.get("c")
    if kind == "status" and event["s"] in ("done", "error", "cancelled"):
        assert event["s"] == "done", event
        got.done = True
    elif kind == "update" and component == "text":
        got.texts.append(event["v"])
        got.text = event["v"]
    elif kind == "append" and component == "text":
        assert event["at"] == len(got.text)  # ASCII: UTF-16 units are characters
        got.texts.append(event["d"])
        got.text += event["d"]
    elif kind == "update" and component == "img" and event["v"] is not None:
        assert event["v"]["mime"] == "image/png"  # lossless: each pixel is exactly as made
        picture = np.asarray(Image.open(io.BytesIO(event["v"]["data"])).convert("RGB"))
        colours = {(int(r), int(g)) for r, g in picture[..., :2].reshape(-1, 2)}
        assert len(colours) == 1, colours  # one colour: not two sessions' pictures mixed up
        got.pixels.append(colours.pop())


async def test_fifty_sessions_streaming_at_once_each_receive_only_their_own_frames(
    served: tuple[str, Streaming],
) -> None:
    url, seen = served
    pages = await asyncio.gather(*(page(url, i) for i in range(SESSIONS)))

    assert seen.peak == SESSIONS  # every stream was open at the same time
    assert sorted(seen.tags) == sorted(f"s{i}" for i in range(SESSIONS))
    assert len({p.session for p in pages}) == SESSIONS  # fifty sessions, not one shared
    for index, got in enumerate(pages):
        tag = f"s{index}"
        assert got.errors == []
        assert got.text == "".join(token(tag, step) for step in range(TOKENS))
        for piece in got.texts:  # no frame carried another session's token, even partly
            assert set(re.findall(r"s\d+", piece)) <= {tag}, (tag, piece)
        assert got.pixels, tag
        assert {red for red, _ in got.pixels} == {index}
        greens = [green for _, green in got.pixels]
        assert greens == sorted(greens)
        assert greens[-1] == TOKENS - 1

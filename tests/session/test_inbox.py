"""A socket's frames reach its session in order: at once when they can, else behind a task."""

from __future__ import annotations

import asyncio
from typing import Any

import msgpack

import reactive as rx
from reactive.session.channel import Channel
from reactive.session.inbox import BACKLOG_FRAMES, FRAMES_PER_TURN, Inbox
from reactive.session.manager import SessionManager
from reactive.testing import MemoryTransport
from tests.session.polling import poll


def pack(message: dict[str, Any]) -> bytes:
    packed: bytes = msgpack.packb(message, use_bin_type=True)
    return packed


HELLO = pack({"t": "hello", "v": 1, "session": None})


def queued_app(seen: list[str]) -> rx.App:
    app = rx.App()

    @app.fn(
        inputs=rx.Textbox(elem_id="t"), outputs=rx.Text(elem_id="out"), live=True, on_busy="queue"
    )
    def record(text: str) -> str:
        seen.append(text)
        return text.upper()

    return app


async def test_frames_behind_the_hello_wait_in_order_and_pause_reading_past_a_few() -> None:
    seen: list[str] = []
    manager = SessionManager(queued_app(seen))
    reading: list[bool] = []
    inbox = Inbox(manager, Channel(MemoryTransport()), reading.append)
    try:
        inbox.push(HELLO)  # a greeting awaits (the welcome is sent): a task handles it
        assert inbox.busy
        assert inbox.session is None
        keys = [f"k{i}" for i in range(BACKLOG_FRAMES + 2)]
        for key in keys:
            inbox.push(pack({"t": "input", "c": "t", "v": key}))
        assert reading == [False]  # the socket stopped being read at the backlog's bound
        assert await poll(lambda: not inbox.busy)
        assert reading == [False, True]  # and was read again once the backlog was handled
        assert await poll(lambda: seen == keys)  # every frame, in arrival order
    finally:
        await manager.close_all()


async def test_a_keystroke_after_the_greeting_is_handled_at_once_with_no_task() -> None:
    seen: list[str] = []
    manager = SessionManager(queued_app(seen))
    transport = MemoryTransport()
    inbox = Inbox(manager, Channel(transport))
    try:
        inbox.push(HELLO)
        assert await poll(lambda: not inbox.busy)
        assert inbox.session is not None
        inbox.push(pack({"t": "input", "c": "t", "v": "now"}))
        assert not inbox.busy  # decoded, stored and submitted inside push
        assert inbox.session.values["t"] == "now"
        assert await poll(lambda: seen == ["now"])
    finally:
        await manager.close_all()


async def test_a_bad_frame_is_answered_behind_the_frames_before_it() -> None:
    manager = SessionManager(queued_app([]))
    transport = MemoryTransport()
    inbox = Inbox(manager, Channel(transport))
    try:
        inbox.push(HELLO)
        inbox.push(b"\xc1 not msgpack")  # waits behind the greeting, then gets its error
        assert await poll(lambda: not inbox.busy)
        welcome = await transport.messages.get()
        error = await transport.messages.get()
        assert welcome["t"] == "welcome"
        assert error["t"] == "error"
        assert error["code"] == "bad_frame"
    finally:
        await manager.close_all()


async def test_a_flood_of_frames_is_handled_a_slice_per_loop_turn_in_order() -> None:
    seen: list[str] = []
    manager = SessionManager(queued_app(seen))
    inbox = Inbox(manager, Channel(MemoryTransport()))
    try:
        inbox.push(HELLO)
        assert await poll(lambda: not inbox.busy)
        await asyncio.sleep(0)  # a fresh loop turn
        keys = [f"k{i}" for i in range(FRAMES_PER_TURN * 3)]
        session = inbox.session
        assert session is not None
        for key in keys:  # what one read of a flooding socket hands over at once
            inbox.push(pack({"t": "input", "c": "t", "v": key}))
        assert session.values["t"] == keys[FRAMES_PER_TURN - 1]  # one slice now
        assert inbox.busy  # the rest wait for later loop turns
        assert await poll(lambda: not inbox.busy)
        assert session.values["t"] == keys[-1]
        assert await poll(lambda: seen == keys)  # none lost, in arrival order
    finally:
        await manager.close_all()

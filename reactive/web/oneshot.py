"""One API call on a session of its own: what ``POST /api/<name>`` and MCP tools run.

The call goes through the same session, scheduler and limits as a page's (``call`` message,
concurrency limits, preprocess, postprocess, served-path checks); only the transport is a queue.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncGenerator
from typing import Any

from reactive.client.state import FunctionInfo, RunRecord, SessionState
from reactive.errors import ClientError
from reactive.protocol import codec
from reactive.protocol.messages import PROTOCOL_VERSION, Call
from reactive.session.channel import Channel
from reactive.session.manager import SessionManager
from reactive.session.session import Session


class _Inbox:
    """A transport that keeps the server's decoded messages."""

    def __init__(self) -> None:
        self.messages: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    def try_send(self, data: bytes) -> bool:
        self.messages.put_nowait(codec.decode(data))
        return True

    async def send(self, data: bytes) -> None:
        self.try_send(data)

    async def close(self, code: int, reason: str = "") -> None:
        self.messages.put_nowait({"t": "close", "code": code, "msg": reason})


class CallRefused(ClientError):
    """The session refused the call: ``code`` says why (``bad_value``, ``busy``, ...)."""


async def run_once(
    manager: SessionManager, info: FunctionInfo, args: list[Any]
) -> AsyncGenerator[tuple[RunRecord, tuple[str, Any] | None], None]:
    """Run ``info`` once; yield ``(record, (component, wire value))`` at each update, then
    ``(record, None)`` when the run has ended (``record.state`` says how).

    Raises :class:`CallRefused` when the arguments do not fit. Leaving early cancels the run.
    """
    inbox = _Inbox()
    channel = Channel(inbox)
    channel.connection.receive(codec.encode({"t": "hello", "v": PROTOCOL_VERSION, "session": None}))
    session = Session(
        manager.app,
        "api-" + secrets.token_urlsafe(8),
        workers=manager.workers,
        heavy=manager.heavy,  # an API call's computing call takes its turn with the pages'
    )
    state = SessionState()
    record: RunRecord | None = None
    try:
        await session.attach(channel, resumed=False, page=False)
        await session.call(Call(1, info.name, args))
        while True:
            message = await inbox.messages.get()
            if message["t"] != "batch":
                raise CallRefused(message.get("msg", "the call failed"), message.get("code"))
            for event in message["e"]:
                if event["t"] == "called":
                    if "r" not in event:
                        raise CallRefused(event["msg"], event["code"])
                    record = RunRecord(info, event["r"])
                    state.track(record)
            for event in message["e"]:
                state.apply(event)
            await session.receive(codec.encode({"t": "ack", "n": message["n"]}))
            if record is None:
                continue
            while not record.updates.empty():
                update = record.updates.get_nowait()
                yield record, update
                if update is None:
                    return
    finally:
        await session.close()

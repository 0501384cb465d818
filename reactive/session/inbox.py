"""One socket's frames into its session, in order, each handled at once when it can be.

A keystroke, a click or an ack is handled the moment its frame arrives, with no task and no
await. A frame that must wait (the hello, an upload, a call, a media input) is awaited by one
task, and the frames that arrive meanwhile wait behind it in arrival order; past a few, the
socket stops being read until they are handled. One socket's frames take at most
``FRAMES_PER_TURN`` at once: a page that floods (one read of its socket can hold thousands of
small frames) has the rest handled over the next loop turns, between other sessions' work.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from reactive.session.channel import Channel
from reactive.session.manager import SessionManager
from reactive.session.session import Session

#: Frames that may wait behind a slow one before the socket stops being read.
BACKLOG_FRAMES = 4
#: Frames of one socket handled in one loop turn; the rest wait for the next turns.
FRAMES_PER_TURN = 64


class Inbox:
    """The frames of one :class:`Channel`, fed to its session (``session`` once greeted)."""

    def __init__(
        self,
        sessions: SessionManager,
        channel: Channel,
        reading: Callable[[bool], None] | None = None,
    ) -> None:
        self._sessions = sessions
        self._channel = channel
        self._reading = reading  # pauses (False) and resumes (True) reading the socket
        self.session: Session | None = None
        self._backlog: deque[bytes | str] = deque()
        self._task: asyncio.Task[None] | None = None
        self._this_turn = 0  # frames handled at once in this loop turn

    def push(self, data: bytes | str) -> None:
        """A frame arrived (called from the protocol's ``data_received``)."""
        if self._task is not None:  # an earlier frame is still being handled: keep the order
            self._backlog.append(data)
            if len(self._backlog) == BACKLOG_FRAMES and self._reading is not None:
                self._reading(False)
            return
        loop = asyncio.get_running_loop()
        if not self._this_turn:
            loop.call_soon(self._next_turn)
        self._this_turn += 1
        if self._this_turn > FRAMES_PER_TURN:  # a flood: the rest in later turns
            self._backlog.append(data)
            self._task = loop.create_task(self._drain(_next_loop_turn()))
            return
        rest = self._handle(data)
        if rest is not None:
            self._task = loop.create_task(self._drain(rest))

    def _next_turn(self) -> None:
        self._this_turn = 0

    @property
    def busy(self) -> bool:
        """A frame is being handled by the task (later ones wait behind it)."""
        return self._task is not None

    async def feed(self, data: bytes | str) -> None:
        """A frame from a pump that awaits each one (the ASGI messages)."""
        rest = self._handle(data)
        if rest is not None:
            await rest

    def _handle(self, data: bytes | str) -> Coroutine[Any, Any, None] | None:
        session = self.session
        if session is None:
            return self._greet(data)
        if session.channel is not self._channel:
            return None  # a socket replaced by a resume is not heard
        return session.receive_now(data)

    async def _greet(self, data: bytes | str) -> None:
        self.session = await self._sessions.feed(self._channel, None, data)

    async def _drain(self, first: Coroutine[Any, Any, None]) -> None:
        try:
            await first
            handled = 0
            while self._backlog:
                rest = self._handle(self._backlog.popleft())
                if rest is not None:
                    await rest
                handled += 1
                if handled % FRAMES_PER_TURN == 0:
                    await _next_loop_turn()
        finally:
            self._task = None
            self._backlog.clear()  # only when cancelled: the socket is gone
            if self._reading is not None:
                self._reading(True)


async def _next_loop_turn() -> None:
    """Let the loop serve everything else once before going on."""
    await asyncio.sleep(0)

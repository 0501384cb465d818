"""All sessions of one app: the handshake, resume within a grace period, and expiry."""

from __future__ import annotations

import asyncio
import logging
import secrets

from reactive.definition.app import App
from reactive.errors import RemoteProtocolError
from reactive.protocol.connection import CLOSE_REPLACED
from reactive.protocol.messages import Hello
from reactive.session.channel import Channel
from reactive.session.session import Session
from reactive.session.workers import Workers

log = logging.getLogger("reactive")

DEFAULT_GRACE_SECONDS = 30.0
# A closed socket cancels its session's runs this soon: long enough for a network blip to
# reconnect without losing a stream, short enough that a closed tab frees its work at once.
DEFAULT_RUN_GRACE_SECONDS = 2.0


class SessionManager:
    """Creates sessions on hello, keeps detached ones for ``grace`` seconds, then closes them."""

    def __init__(
        self,
        app: App,
        *,
        grace: float = DEFAULT_GRACE_SECONDS,
        run_grace: float = DEFAULT_RUN_GRACE_SECONDS,
    ) -> None:
        self.app = app
        self.grace = grace
        self.run_grace = min(run_grace, grace)
        self._sessions: dict[str, Session] = {}
        self._attached: set[str] = set()
        self._expiry: dict[str, list[asyncio.TimerHandle]] = {}
        self._closing: set[asyncio.Task[None]] = set()
        self.workers = Workers(app)  # run_in="process" functions: one pool per server process

    async def start(self) -> None:
        """Start what the app needs before its first page: warm worker processes, if any."""
        await self.workers.start()

    def __len__(self) -> int:
        return len(self._sessions)

    async def feed(
        self, channel: Channel, session: Session | None, data: bytes | str
    ) -> Session | None:
        """Pass one frame to the session, or handshake when there is none yet."""
        if session is not None:
            if session.channel is channel:  # a socket replaced by a resume is not heard
                await session.receive(data)
            return session
        try:
            message = channel.connection.receive(data)
        except RemoteProtocolError as exc:
            await channel.reject(exc)
            return None
        assert isinstance(message, Hello)  # the connection accepts nothing else first
        session, resumed = self._open(message.session)
        try:
            if resumed:
                await self._take_over(session)
            await session.attach(channel, resumed=resumed)
        except Exception as exc:  # answered, never raised into the server (cancel passes)
            await channel.fail(exc)
        return session  # the pump detaches it when the socket closes

    def _open(self, requested: str | None) -> tuple[Session, bool]:
        if requested is not None and requested in self._sessions:
            for handle in self._expiry.pop(requested, ()):
                handle.cancel()
            self._attached.add(requested)
            return self._sessions[requested], True
        session = Session(self.app, secrets.token_urlsafe(16), workers=self.workers)
        self._sessions[session.id] = session
        self._attached.add(session.id)
        return session, False

    @staticmethod
    async def _take_over(session: Session) -> None:
        """A resume while the old socket still counts as attached (the server has not noticed
        it close yet): the newer page wins, and the old socket is told why and closed."""
        old = session.channel
        if old is None:
            return
        session.detach()
        old.connection.close()
        await old.transport.close(CLOSE_REPLACED, "This session was resumed by a newer page.")

    def detach(self, session: Session, channel: Channel) -> None:
        """The socket closed: cancel its runs soon, keep its values for a reconnect, then close."""
        if session.channel is not channel and session.channel is not None:
            return  # a socket replaced by a resume: the session belongs to the newer one
        session.detach()
        self._attached.discard(session.id)
        loop = asyncio.get_running_loop()
        self._expiry[session.id] = [
            loop.call_later(self.run_grace, session.stop_runs),
            loop.call_later(self.grace, self._expire, session),
        ]

    def _expire(self, session: Session) -> None:
        self._expiry.pop(session.id, None)
        self._sessions.pop(session.id, None)
        task = asyncio.get_running_loop().create_task(session.close())
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def close_all(self) -> None:
        for handles in self._expiry.values():
            for handle in handles:
                handle.cancel()
        self._expiry.clear()
        sessions, self._sessions = list(self._sessions.values()), {}
        self._attached.clear()
        await asyncio.gather(*(s.close() for s in sessions), *self._closing)
        await self.workers.close()

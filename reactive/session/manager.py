"""All sessions of one app: the handshake, resume within a grace period, and expiry."""

from __future__ import annotations

import asyncio
import logging
import secrets
from functools import partial
from typing import TYPE_CHECKING, Any

from reactive.definition.app import App
from reactive.errors import RemoteProtocolError
from reactive.protocol.connection import CLOSE_REPLACED
from reactive.protocol.messages import Hello, Toast
from reactive.scheduler.threads import HeavyCalls
from reactive.session.channel import Channel
from reactive.session.session import Session
from reactive.session.workers import Workers

if TYPE_CHECKING:
    from reactive.session.shared_limit import SharedLimiter
    from reactive.session.store import SessionStore, Stored

log = logging.getLogger("reactive")

DEFAULT_GRACE_SECONDS = 30.0
# A closed socket cancels its session's runs this soon: long enough for a network blip to
# reconnect without losing a stream, short enough that a closed tab frees its work at once.
DEFAULT_RUN_GRACE_SECONDS = 2.0

#: Told to a page whose session another process kept (its own process died or was left).
MOVED = (
    "This page lost its server and continues on another one, with its values. Anything that "
    "was running (a stream, a long call) was stopped: run it again for its result."
)


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
        #: Where sessions outlive this process (``rx.App(session_store=...)``), or None.
        self.kept: SessionStore | None = None
        if app.session_store is not None:
            from reactive.session.store import SessionStore  # only with the redis extra

            self.kept = SessionStore(app.session_store, app.session_ttl, app.components)
        #: concurrency_scope="global" limits, shared with the other processes through Redis.
        self.limiters: dict[str, SharedLimiter] = {}
        #: The computing calls all these sessions run at once (a core each).
        self.heavy = HeavyCalls()

    async def start(self) -> None:
        """Start what the app needs before its first page: warm worker processes, if any."""
        await self.workers.start()
        if self.kept is not None:
            self.kept.start()
            self.limiters = self.limiters or self._shared_limiters(self.kept)

    def _shared_limiters(self, kept: SessionStore) -> dict[str, SharedLimiter]:
        from reactive.session.shared_limit import SharedLimiter

        return {
            f.id: SharedLimiter(kept.redis, f"{self.app.title}:{f.id}", f.limiter.limit)
            for f in self.app.functions
            if f.concurrency_scope == "global" and f.limiter is not None
        }

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
        stored = await self._stored(message.session)
        session, resumed = self._open(message.session, stored)
        if resumed:
            stored = None  # another socket of this page restored it meanwhile: a plain resume
        try:
            if resumed:
                await self._take_over(session)
            restored = stored is not None
            await session.attach(channel, resumed=resumed or restored, restored=restored)
            if stored is not None:
                session.outbound.put_notice(Toast("warning", MOVED))
        except Exception as exc:  # answered, never raised into the server (cancel passes)
            await channel.fail(exc)
        return session  # the pump detaches it when the socket closes

    async def _stored(self, requested: str | None) -> Stored | None:
        """The kept values of a session this process does not know (it lived elsewhere)."""
        if self.kept is None or requested is None or requested in self._sessions:
            return None
        return await self.kept.load(requested)

    def _open(self, requested: str | None, stored: Stored | None) -> tuple[Session, bool]:
        if requested is not None and requested in self._sessions:
            for handle in self._expiry.pop(requested, ()):
                handle.cancel()
            self._attached.add(requested)
            return self._sessions[requested], True
        # A restored session gets a new id: its run ids start afresh, and the page, seeing
        # another id, forgets the old ones instead of taking the new runs for stale ones.
        session = Session(
            self.app,
            secrets.token_urlsafe(16),
            workers=self.workers,
            limiters=self.limiters,
            heavy=self.heavy,
        )
        self._sessions[session.id] = session
        self._attached.add(session.id)
        if self.kept is not None:
            session.store.watch = self.kept.watcher(session.id, session.store)
            if stored is not None:
                session.store.restore(stored, partial(_python_value, session))
                self.kept.keep_all(session.id, session.store)
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
        await asyncio.gather(*(limiter.close() for limiter in self.limiters.values()))
        if self.kept is not None:
            await self.kept.close()


def _python_value(session: Session, component: str, wire: Any) -> Any:
    """What a function receives for a restored wire value; LookupError keeps the default."""
    from reactive.session.store import keepable

    target = session.components[component]
    if not keepable(target):
        raise LookupError(component)
    try:
        return target.preprocess(wire)
    except Exception as exc:  # a value the component no longer takes: keep its default
        raise LookupError(component) from exc

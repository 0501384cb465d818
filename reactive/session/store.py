"""Sessions that outlive their process: each session's wire values kept in Redis.

A session's :class:`~reactive.session.values.Values` tells the store which page ("p") and sent
("s") values changed; the store only notes the change (no I/O on the keystroke's path) and a
background task writes what changed every :data:`FLUSH_SECONDS`, many sessions in one pipeline,
each session a Redis hash (``reactive:session:<id>``, field ``p:<component>`` / ``s:<component>``,
msgpack) whose TTL restarts with every write. Values larger than ``max_value_bytes`` and media
(files live on the host that received them) are not kept: a resumed page shows their defaults.

A process that does not know a session asks the store for it (:meth:`SessionStore.load`) before
starting a fresh one: that is how a page whose worker died resumes on another process or host.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from reactive.components.base import Component
from reactive.protocol import codec
from reactive.session.values import Kind, Values

log = logging.getLogger("reactive")

KEY_PREFIX = "reactive:session:"
#: Changes are coalesced this long before they are written (a burst of keys: one write).
FLUSH_SECONDS = 0.05
DEFAULT_MAX_VALUE_BYTES = 256 * 1024

Stored = dict[tuple[Kind, str], Any]


def keepable(component: Component) -> bool:
    """A value another process can show: not a file of this host's (uploads, media)."""
    return not (component.slow_preprocess or component.accepts_upload or component.saves_uploads)


class SessionStore:
    """Write-behind copies of every session's values in Redis, read back on a resume."""

    def __init__(
        self,
        url: str,
        ttl: float,
        components: Mapping[str, Component],
        *,
        max_value_bytes: int = DEFAULT_MAX_VALUE_BYTES,
    ) -> None:
        self.redis: aioredis.Redis = aioredis.Redis.from_url(url)
        self.ttl = max(1, round(ttl))
        self.max_value_bytes = max_value_bytes
        self._kept = frozenset(cid for cid, c in components.items() if keepable(c))
        self._dirty: dict[str, tuple[Values, set[tuple[Kind, str]]]] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._failing = False

    def start(self) -> None:
        """Start the writer (once: a manager may be started again by a test)."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._flush_forever())

    def watcher(self, session_id: str, values: Values) -> Callable[[Kind, str], None]:
        """What ``values.watch`` calls on each change: note it, wake the writer, return."""
        kept, wake = self._kept, self._wake

        def changed(kind: Kind, component: str) -> None:
            if component not in kept:
                return
            dirty = self._dirty  # not captured: each flush takes the dict and starts a new one
            entry = dirty.get(session_id)
            if entry is None:
                dirty[session_id] = (values, {(kind, component)})
                wake.set()
            else:
                entry[1].add((kind, component))

        return changed

    @property
    def pending(self) -> int:
        """Sessions with changes not yet written."""
        return len(self._dirty)

    def keep_all(self, session_id: str, values: Values) -> None:
        """Write every value of ``values`` (a session restored under a new id)."""
        changed = self.watcher(session_id, values)
        for component in self._kept:
            for kind in ("p", "s"):
                if values.wire(kind, component)[0]:
                    changed(kind, component)

    async def load(self, session_id: str) -> Stored | None:
        """The values kept for ``session_id``, or None (unknown, expired, or Redis down)."""
        try:
            raw: Mapping[Any, Any] = await self.redis.hgetall(KEY_PREFIX + session_id)
        except RedisError as exc:
            log.warning("The session store could not be read (%s): a fresh session starts.", exc)
            return None
        stored: Stored = {}
        for field, data in raw.items():
            text = field.decode() if isinstance(field, bytes) else str(field)
            kind, _, component = text.partition(":")
            if kind in ("p", "s"):
                stored[(kind, component)] = codec.decode(data)  # type: ignore[index]
        return stored or None

    async def close(self) -> None:
        """Write what is still pending, then disconnect."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)  # our cancel, not ours raised
            self._task = None
        await self.flush()
        await self.redis.aclose()

    async def _flush_forever(self) -> None:
        while True:
            await self._wake.wait()
            await asyncio.sleep(FLUSH_SECONDS)  # coalesce a burst of keystrokes into one write
            await self.flush()

    async def flush(self) -> None:
        """Write every pending change now (one pipeline); a failed write is retried later."""
        self._wake.clear()
        if not self._dirty:
            return
        batch, self._dirty = self._dirty, {}
        pipe = self.redis.pipeline(transaction=False)
        for session_id, (values, fields) in batch.items():
            key = KEY_PREFIX + session_id
            for kind, component in fields:
                self._queue(pipe, key, kind, component, values)
            pipe.expire(key, self.ttl)
        try:
            await pipe.execute()
        except RedisError as exc:
            if not self._failing:
                log.warning("The session store could not be written (%s): will retry.", exc)
            self._failing = True
            for session_id, (values, fields) in batch.items():  # merged back, newest wins
                self._dirty.setdefault(session_id, (values, set()))[1].update(fields)
            return
        self._failing = False

    def _queue(self, pipe: Any, key: str, kind: Kind, component: str, values: Values) -> None:
        field = f"{kind}:{component}"
        found, wire = values.wire(kind, component)
        data = codec.encode(wire) if found else b""
        if not found or len(data) > self.max_value_bytes:
            pipe.hdel(key, field)  # too large to keep: a resumed page shows the default
        else:
            pipe.hset(key, field, data)

"""``concurrency_scope="global"``: one ``concurrency_limit`` for every process sharing a Redis.

A fair, crash-safe semaphore. Each call that wants a slot takes a ticket, numbered in arrival
order across all processes (``INCR``), and waits in a sorted set; one Lua script, run atomically
by Redis on Redis's own clock, drops the tickets and holders whose lease ran out, and admits the
first waiters while fewer than ``limit`` hold a slot. Holders renew their lease every third of
it, and so do waiters while they poll: a process killed with SIGKILL stops renewing, and its
slots and places in line free themselves one lease later.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from reactive.errors import ReactiveError
from reactive.scheduler.limiter import PositionCallback

log = logging.getLogger("reactive")

#: A slot whose process stopped renewing it frees itself this long after its last renewal.
DEFAULT_LEASE_SECONDS = 10.0
#: How often a waiting call asks again (a released slot is taken at the next ask).
POLL_SECONDS = 0.05

# KEYS: queue (ticket -> arrival), holders (ticket -> lease end), alive (waiting ticket -> lease
# end). ARGV: ticket, limit, lease in ms. Returns 0 (the ticket holds a slot), its place in line
# (1 = next), or -1 (the ticket had expired: take a new one).
_TRY = """
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ms)
local gone = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', ms)
for _, t in ipairs(gone) do
  redis.call('ZREM', KEYS[1], t)
  redis.call('ZREM', KEYS[3], t)
end
local lease = ms + tonumber(ARGV[3])
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  redis.call('ZADD', KEYS[2], lease, ARGV[1])
  return 0
end
local rank = redis.call('ZRANK', KEYS[1], ARGV[1])
if not rank then return -1 end
local free = tonumber(ARGV[2]) - redis.call('ZCARD', KEYS[2])
if rank < free then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[3], ARGV[1])
  redis.call('ZADD', KEYS[2], lease, ARGV[1])
  return 0
end
redis.call('ZADD', KEYS[3], lease, ARGV[1])
return rank - math.max(free, 0) + 1
"""

# Renew a held slot's lease (KEYS[1] holders; ARGV ticket, lease ms): 0 if it was lost.
_RENEW = """
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], ms + tonumber(ARGV[2]), ARGV[1])
return 1
"""


class SharedLimitError(ReactiveError):
    """The shared concurrency limit could not reach Redis."""


class SharedLimiter:
    """The scheduler's :class:`~reactive.scheduler.limiter.Slots`, kept in Redis."""

    def __init__(
        self,
        client: aioredis.Redis,
        name: str,
        limit: int,
        *,
        lease: float = DEFAULT_LEASE_SECONDS,
    ) -> None:
        self.name = name
        self.limit = limit
        self.lease = lease
        self._redis = client
        prefix = f"reactive:limit:{name}:"
        self._keys = [prefix + "queue", prefix + "holders", prefix + "alive"]
        self._seq = prefix + "seq"
        self._try = client.register_script(_TRY)
        self._renew = client.register_script(_RENEW)
        self._held: list[tuple[str, asyncio.Task[None]]] = []  # ticket, its renewal
        self._cleanups: set[asyncio.Task[None]] = set()

    def acquire_nowait(self) -> bool:
        return False  # every answer needs Redis: the scheduler awaits acquire()

    async def acquire(self, on_position: PositionCallback) -> None:
        """Wait for a slot, in arrival order across processes; ``on_position`` sees the place."""
        ticket = await self._enqueue()
        position = 0
        try:
            while True:
                answer = int(await self._try(self._keys, [ticket, self.limit, self._lease_ms]))
                if answer == 0:
                    break
                if answer < 0:  # this process stalled past its lease: in line again, at the end
                    ticket = await self._enqueue()
                    continue
                if answer != position:
                    position = answer
                    on_position(position)
                await asyncio.sleep(POLL_SECONDS)
        except asyncio.CancelledError:
            self._forget(ticket)
            raise
        except RedisError as exc:
            self._forget(ticket)
            raise SharedLimitError(f"The shared concurrency limit needs Redis: {exc}") from exc
        renewal = asyncio.get_running_loop().create_task(self._keep(ticket))
        self._held.append((ticket, renewal))

    def release(self) -> None:
        """Free one of this process's slots (they are alike: any held ticket will do)."""
        ticket, renewal = self._held.pop()
        renewal.cancel()
        self._forget(ticket)

    async def close(self) -> None:
        while self._held:
            self.release()
        await asyncio.gather(*self._cleanups, return_exceptions=True)

    @property
    def _lease_ms(self) -> int:
        return max(1, round(self.lease * 1000))

    async def _enqueue(self) -> str:
        try:
            arrival = await self._redis.incr(self._seq)
            ticket = f"{arrival}-{secrets.token_hex(4)}"
            pipe = self._redis.pipeline(transaction=True)
            pipe.zadd(self._keys[0], {ticket: arrival})
            pipe.zadd(self._keys[2], {ticket: await self._deadline()})
            await pipe.execute()
        except RedisError as exc:
            raise SharedLimitError(f"The shared concurrency limit needs Redis: {exc}") from exc
        return ticket

    async def _deadline(self) -> int:
        seconds, micros = await self._redis.time()
        return int(seconds) * 1000 + int(micros) // 1000 + self._lease_ms

    async def _keep(self, ticket: str) -> None:
        """Renew a held slot's lease until it is released."""
        while True:
            await asyncio.sleep(self.lease / 3)
            try:
                kept = await self._renew([self._keys[1]], [ticket, self._lease_ms])
            except RedisError:
                continue  # Redis away for a moment: the lease may still hold at the next try
            if not kept:
                log.warning(
                    "A call of %s held its shared slot past its %.0f s lease (this process "
                    "stalled, or Redis was away): another call may be running beside it.",
                    self.name,
                    self.lease,
                )
                return

    def _forget(self, ticket: str) -> None:
        """Take ``ticket`` out of Redis (line, holders), in a task of its own: release is sync."""
        task = asyncio.get_running_loop().create_task(self._remove(ticket))
        self._cleanups.add(task)
        task.add_done_callback(self._cleanups.discard)

    async def _remove(self, ticket: str) -> None:
        pipe: Any = self._redis.pipeline(transaction=True)
        for key in self._keys:
            pipe.zrem(key, ticket)
        with contextlib.suppress(RedisError):  # its lease ends it anyway
            await pipe.execute()

"""concurrency_scope="global": one concurrency_limit across processes, through a real Redis: fair
(arrival order across processes), crash-safe (a dead holder's lease runs out), and four
``reactive run`` workers running a limit-1 function one call at a time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import redis.asyncio as aioredis

import reactive as rx
from reactive.errors import DefinitionError
from reactive.session.shared_limit import SharedLimiter
from tests.deploy import services
from tests.deploy.driver import Driver
from tests.session.polling import poll


@pytest.fixture
async def client(store_url: str) -> AsyncIterator[aioredis.Redis]:
    connection = aioredis.Redis.from_url(store_url)
    yield connection
    await connection.aclose()


class Waiting:
    """One acquire() in a task, and the places in line it was told."""

    def __init__(self, limiter: SharedLimiter) -> None:
        self.positions: list[int] = []
        self.task = asyncio.create_task(limiter.acquire(self.positions.append))


async def until(predicate: Callable[[], object], timeout: float = 5.0) -> None:
    assert await poll(lambda: bool(predicate()), timeout)


async def test_slots_go_in_arrival_order_across_processes(client: aioredis.Redis) -> None:
    # three limiters on one name: three processes sharing the limit
    a, b, c = (SharedLimiter(client, "fair", 1) for _ in range(3))
    await a.acquire(lambda _: None)
    waiting: list[Waiting] = []
    for limiter in (b, c, b, c):
        newest = Waiting(limiter)
        waiting.append(newest)
        await until(lambda: newest.positions)  # noqa: B023 (awaited here, in this iteration)
    assert [w.positions[0] for w in waiting] == [1, 2, 3, 4]
    holders = [a, b, c, b, c]
    for index, w in enumerate(waiting):
        holders[index].release()
        await asyncio.wait_for(asyncio.shield(w.task), 3)
        assert not any(o.task.done() for o in waiting[index + 1 :])  # one slot at a time
    holders[-1].release()
    for limiter in (a, b, c):
        await limiter.close()


async def test_a_dead_holder_frees_its_slot_when_its_lease_ends(client: aioredis.Redis) -> None:
    limiter = SharedLimiter(client, "crash", 1, lease=0.3)
    seconds, micros = await client.time()
    now_ms = seconds * 1000 + micros // 1000
    # what a process killed with SIGKILL while holding the slot leaves: a lease nobody renews
    await client.zadd("reactive:limit:crash:holders", {"dead": now_ms + 400})
    waiting = Waiting(limiter)
    await until(lambda: waiting.positions == [1])
    assert not waiting.task.done()
    await asyncio.wait_for(waiting.task, 3)  # the lease ran out: the slot is ours
    assert await client.zscore("reactive:limit:crash:holders", "dead") is None
    limiter.release()
    await limiter.close()


async def test_a_held_slot_is_renewed_past_its_lease(client: aioredis.Redis) -> None:
    holder, other = SharedLimiter(client, "renew", 1, lease=0.2), SharedLimiter(client, "renew", 1)
    await holder.acquire(lambda _: None)
    waiting = Waiting(other)
    await until(lambda: waiting.positions == [1])
    await asyncio.sleep(0.6)  # three leases long: the holder's renewals keep the slot
    assert not waiting.task.done()
    holder.release()
    await asyncio.wait_for(waiting.task, 3)
    other.release()
    await holder.close()
    await other.close()


async def test_a_cancelled_waiter_leaves_the_line(client: aioredis.Redis) -> None:
    a, b, c = (SharedLimiter(client, "cancel", 1) for _ in range(3))
    await a.acquire(lambda _: None)
    first, second = Waiting(b), Waiting(c)
    await until(lambda: second.positions == [2])
    first.task.cancel()
    await until(lambda: second.positions == [2, 1])  # moved up
    a.release()
    await asyncio.wait_for(second.task, 3)
    c.release()
    for limiter in (a, b, c):
        await limiter.close()


def test_a_global_scope_needs_a_limit_and_a_store() -> None:
    app = rx.App()
    with pytest.raises(DefinitionError, match="needs a concurrency_limit"):
        app.fn(inputs=rx.Textbox(), outputs=rx.Text(), concurrency_scope="global")(str.upper)
    with pytest.raises(DefinitionError, match="session_store"):
        app.fn(
            inputs=rx.Textbox(), outputs=rx.Text(), concurrency_limit=1, concurrency_scope="global"
        )(str.upper)
    with pytest.raises(DefinitionError, match='"process" or "global"'):
        app.fn(inputs=rx.Textbox(), outputs=rx.Text(), concurrency_scope="host")(str.upper)


async def test_four_workers_run_a_limit_1_function_one_call_at_a_time(
    store_url: str, tmp_path: Path
) -> None:
    log = tmp_path / "calls.log"
    log.write_text("")
    env = {"RX_TEST_STORE": store_url, "RX_TEST_LOG": str(log)}
    app = Path(__file__).with_name("limit_app.py")
    with services.workers(app, 4, env) as started:
        pages = [Driver(worker.port) for worker in started for _ in range(2)]
        await asyncio.gather(*(p.connect() for p in pages))
        await asyncio.gather(*(p.input("x", f"call{i}") for i, p in enumerate(pages)))
        await asyncio.gather(
            *(p.wait_value("out", f"done call{i}", timeout=30) for i, p in enumerate(pages))
        )
        await asyncio.gather(*(p.close() for p in pages))
    events = [line.split() for line in log.read_text().splitlines()]
    assert len(events) == 16
    assert len({pid for _, _, pid in events}) == 4  # every worker ran calls
    running = 0
    for kind, _, _ in sorted(events, key=lambda e: float(e[1])):
        running += 1 if kind == "start" else -1
        assert running <= 1, "two calls of the limit-1 function ran at once"

"""The fair FIFO limiter shared by all sessions."""

from __future__ import annotations

import asyncio

import pytest

from reactive.scheduler.limiter import Limiter


async def test_waiters_are_served_first_in_first_out() -> None:
    limiter = Limiter(1)
    assert limiter.acquire_nowait()
    served: list[int] = []

    async def wait(i: int) -> None:
        await limiter.acquire(lambda _: None)
        served.append(i)

    tasks = [asyncio.create_task(wait(i)) for i in range(3)]
    await asyncio.sleep(0)
    for _ in range(3):
        limiter.release()
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    assert served == [0, 1, 2]
    limiter.release()
    assert limiter.statistics().running == 0


async def test_newcomer_cannot_jump_the_queue() -> None:
    limiter = Limiter(1)
    assert limiter.acquire_nowait()
    waiter = asyncio.create_task(limiter.acquire(lambda _: None))
    await asyncio.sleep(0)
    limiter.release()  # handed straight to the waiter
    assert not limiter.acquire_nowait()
    await waiter


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Limiter(0)

"""A run's lone "running" status waits a moment for its result, so both go in one batch."""

from __future__ import annotations

import asyncio

from reactive.protocol.messages import Status
from reactive.session.outbound import START_COALESCE_SECONDS, Outbound


class Woken:
    def __init__(self) -> None:
        self.times: list[float] = []
        self.event = asyncio.Event()

    def __call__(self) -> None:
        self.times.append(asyncio.get_running_loop().time())
        self.event.set()


async def test_a_lone_running_status_wakes_the_writer_only_after_the_coalescing_wait() -> None:
    outbound, woken = Outbound(), Woken()
    outbound.listen(woken)
    loop = asyncio.get_running_loop()
    queued_at = loop.time()
    outbound.put_status(Status("f", 1, "running"))
    assert not outbound.ready
    await asyncio.wait_for(woken.event.wait(), 1)
    assert woken.times[0] - queued_at >= START_COALESCE_SECONDS * 0.99
    assert [s.state for s in outbound.take() if isinstance(s, Status)] == ["running"]


async def test_a_result_wakes_it_at_once_and_the_timer_then_finds_nothing() -> None:
    outbound, woken = Outbound(), Woken()
    outbound.listen(woken)
    outbound.put_status(Status("f", 1, "running"))
    outbound.put_status(Status("f", 1, "done"))  # the run ended within the wait
    assert outbound.ready
    assert len(woken.times) == 1
    assert [s.state for s in outbound.take() if isinstance(s, Status)] == ["done"]
    await asyncio.sleep(START_COALESCE_SECONDS * 2)  # the armed timer fires on nothing
    assert len(woken.times) == 1
    assert not outbound.ready


async def test_a_later_runs_held_status_waits_its_own_full_time() -> None:
    outbound, woken = Outbound(), Woken()
    outbound.listen(woken)
    loop = asyncio.get_running_loop()
    outbound.put_status(Status("f", 1, "running"))
    outbound.put_status(Status("f", 1, "done"))
    outbound.take()
    await asyncio.sleep(START_COALESCE_SECONDS / 2)  # the first hold's timer is still armed
    woken.event.clear()
    queued_at = loop.time()
    outbound.put_status(Status("f", 2, "running"))
    await asyncio.wait_for(woken.event.wait(), 1)
    assert woken.times[-1] - queued_at >= START_COALESCE_SECONDS * 0.99

"""Failover: nginx in front of two workers sharing Redis, 50 pages streaming through it, one
worker killed with SIGKILL mid-stream. Its pages reconnect through nginx to the survivor and show
their values again within 2 s; the survivor's own pages never notice."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis
from websockets.exceptions import ConnectionClosed

from reactive.session.manager import MOVED
from reactive.session.store import KEY_PREFIX
from tests.deploy import services
from tests.deploy.driver import Driver

APP = Path(__file__).with_name("echo_app.py")
PAGES = 50
RESUME_SECONDS = 2.0


@dataclass
class Watch:
    """One page kept reading: when its socket dropped, when it was welcomed again."""

    driver: Driver
    index: int
    dropped_at: float | None = None
    resumed_at: float | None = None
    ticks: list[str] = field(default_factory=list)

    async def run(self) -> None:
        while True:
            try:
                await self.driver.receive()
            except ConnectionClosed:
                self.dropped_at = time.monotonic()
                await self.driver.reconnect(timeout=10)
                self.resumed_at = time.monotonic()
                continue
            stream = self.driver.page.values.get("stream")
            if isinstance(stream, str) and (not self.ticks or self.ticks[-1] != stream):
                self.ticks.append(stream)


def pid_of(driver: Driver) -> str:
    return str(driver.page.values["out"]).rsplit("@", 1)[1]


async def until(predicate: object, timeout: float, what: str) -> None:
    assert callable(predicate)
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.01)


async def test_a_killed_worker_s_pages_resume_on_the_other(tmp_path: Path) -> None:
    with services.redis_server(tmp_path) as store:
        env = {"RX_TEST_STORE": store}
        with (
            services.workers(APP, 2, env) as started,
            services.nginx(tmp_path / "nginx", [w.port for w in started]) as port,
        ):
            await _fail_over(port, started, store)


async def _fail_over(port: int, started: list[services.Worker], store: str) -> None:
    drivers = [Driver(port) for _ in range(PAGES)]
    await asyncio.gather(*(d.connect() for d in drivers))
    watches = [Watch(d, i) for i, d in enumerate(drivers)]
    tasks = [asyncio.create_task(w.run()) for w in watches]
    try:
        for w in watches:
            await w.driver.input("q", f"v{w.index}")
            await w.driver.input("go", f"g{w.index}")
        await until(
            lambda: all(
                str(w.driver.page.values.get("out")).startswith(f"V{w.index}@") for w in watches
            ),
            20,
            "every page's first answer",
        )
        await until(lambda: all(len(w.ticks) >= 2 for w in watches), 20, "every stream to tick")
        client = redis.Redis.from_url(store)
        await until(
            lambda: all(
                client.hexists(KEY_PREFIX + str(w.driver.session), "p:go") for w in watches
            ),
            5,
            "the store to hold every page's inputs",
        )
        client.close()

        pids = {w.index: pid_of(w.driver) for w in watches}
        victim = started[0]
        victim_pid = str(victim.process.pid)
        moved = [w for w in watches if pids[w.index] == victim_pid]
        stayed = [w for w in watches if pids[w.index] != victim_pid]
        assert moved, "the hash spread the pages over both workers"
        assert stayed, "the hash spread the pages over both workers"
        sessions = {w.index: w.driver.session for w in watches}
        ticks_before = {w.index: len(w.ticks) for w in stayed}

        killed_at = time.monotonic()
        victim.kill()  # SIGKILL, mid-stream
        await until(lambda: all(w.resumed_at is not None for w in moved), 10, "every resume")
        slowest = max(w.resumed_at - killed_at for w in moved if w.resumed_at is not None)
        assert slowest <= RESUME_SECONDS, f"the slowest page resumed after {slowest:.2f} s"

        for w in moved:
            page = w.driver.page
            assert w.driver.resumed
            assert w.driver.session != sessions[w.index]
            assert page.values["q"] == f"v{w.index}"  # the inputs as they were
            assert page.values["go"] == f"g{w.index}"
            assert page.values["out"] == f"V{w.index}@{victim_pid}"  # the outputs as they were
            assert str(page.values["stream"]).startswith(f"g{w.index}:")
        await until(
            lambda: all(any(t["msg"] == MOVED for t in w.driver.page.toasts) for w in moved),
            5,
            "each moved page to say its streams stopped",
        )
        survivor = str(started[1].process.pid)
        for w in moved:  # and they answer, from the survivor
            await w.driver.input("q", f"after{w.index}")
        await until(
            lambda: all(w.driver.page.values["out"] == f"AFTER{w.index}@{survivor}" for w in moved),
            10,
            "the moved pages' new answers",
        )

        # The survivor's own pages never noticed: same socket, same session, streams going on.
        await until(
            lambda: all(len(w.ticks) >= ticks_before[w.index] + 3 for w in stayed),
            10,
            "the survivor's streams to go on",
        )
        for w in stayed:
            assert w.dropped_at is None
            assert w.driver.welcomes == 1
            assert w.driver.session == sessions[w.index]
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await asyncio.gather(*(d.close() for d in drivers), return_exceptions=True)

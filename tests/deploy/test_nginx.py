"""deploy/nginx.conf with Debian's nginx in front of three ``reactive run`` processes: every
page's reconnects reach the process that holds its session (no session store)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.deploy import services
from tests.deploy.driver import Driver

APP = Path(__file__).with_name("echo_app.py")


def pid_of(driver: Driver) -> str:
    value = driver.page.values["out"]
    assert isinstance(value, str)
    return value.rsplit("@", 1)[1]


async def test_reconnects_through_nginx_reach_their_own_process(tmp_path: Path) -> None:
    with (
        services.workers(APP, 3) as started,
        services.nginx(tmp_path, [w.port for w in started]) as port,
    ):
        pages = [Driver(port) for _ in range(12)]
        await asyncio.gather(*(p.connect() for p in pages))
        for index, page in enumerate(pages):
            await page.input("q", f"first{index}")
        await asyncio.gather(*(wait_prefix(p, f"FIRST{i}@") for i, p in enumerate(pages)))
        first = {page.session: pid_of(page) for page in pages}
        assert len(set(first.values())) > 1, "the hash spread twelve pages over the processes"

        for _ in range(3):  # drop every socket and reconnect, three times
            await asyncio.gather(*(p.close() for p in pages))
            await asyncio.gather(*(p.connect() for p in pages))
            assert all(p.resumed for p in pages), "each reconnect resumed its session"
            assert {p.session: pid_of(p) for p in pages} == first  # shown as it was

        for index, page in enumerate(pages):
            await page.input("q", f"again{index}")
        await asyncio.gather(*(wait_prefix(p, f"AGAIN{i}@") for i, p in enumerate(pages)))
        assert {p.session: pid_of(p) for p in pages} == first  # answered by the same process
        await asyncio.gather(*(p.close() for p in pages))


async def wait_prefix(page: Driver, prefix: str, timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not str(page.page.values.get("out") or "").startswith(prefix):
            await page.receive()

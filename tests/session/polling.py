"""Bounded polls of an observable condition, for state no server message announces."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


async def poll(predicate: Callable[[], bool], timeout: float = 5.0, every: float = 0.005) -> bool:
    """True as soon as ``predicate()`` holds, False once ``timeout`` seconds passed without it.

    Unlike ``AppTester.wait_until`` it does not read the page's messages, so it also sees a
    condition come true while the server sends nothing (a producer running past a full window).
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() >= deadline:
            return False
        await asyncio.sleep(every)
    return True


def poll_blocking(
    predicate: Callable[[], bool], timeout: float = 5.0, every: float = 0.005
) -> bool:
    """:func:`poll` for a test with no event loop: a state another thread reaches, announcing
    nothing to wait on (a thread that ended, a loop that settled in its wait)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(every)
    return True

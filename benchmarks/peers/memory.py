"""Memory per idle session: a server's resident memory with N pages open, less with one, / N-1."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page

SETTLE_SECONDS = 2.0  # after the last page opened, for the server to finish setting sessions up
KIB = 1024


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and its descendants (VmRSS)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * KIB
        pending += _children(current)
    return total


def _settled(pid: int) -> int:
    gc.collect()  # ours: Playwright's garbage is not the server's, but keep the client lean
    time.sleep(SETTLE_SECONDS)
    return tree_rss(pid)


def idle_memory(open_page: Callable[[], Page], pid: int, sessions: int) -> float:
    """KiB of server memory per idle session, over ``sessions`` pages each in its own context."""
    pages = [open_page()]
    try:
        one = _settled(pid)
        pages += [open_page() for _ in range(sessions - 1)]
        many = _settled(pid)
    finally:
        for page in pages:
            page.context.close()
    return (many - one) / (sessions - 1) / KIB

"""A census of what a process holds, for the no-growth tests (issue 9, item 10)."""

from __future__ import annotations

import gc
import os
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Before:
    """What the process held before the test: threads and children of earlier tests (an idle
    worker thread waits up to a minute before it ends) are not the test's to count."""

    threads: frozenset[threading.Thread]
    children: frozenset[int]

    @staticmethod
    def now() -> Before:
        return Before(frozenset(threading.enumerate()), frozenset(children_by_pid()))


@dataclass(frozen=True)
class Census:
    tasks: int  # asyncio tasks of the loop that took the census
    threads: tuple[str, ...]  # the names of the live threads started since `Before`, sorted
    fds: int  # open file descriptors of this process
    children: tuple[str, ...]  # live child processes started since `Before`, by name, sorted
    zombies: int  # children (started since `Before`) that ended and were never reaped
    temp: tuple[str, ...]  # what is in the temp folder the sessions write to
    objects: Counter[str]  # live objects by type, after a full collection

    def worker_threads(self) -> list[str]:
        return [name for name in self.threads if name.startswith("reactive-worker")]


def children_by_pid() -> dict[int, tuple[str, str]]:
    """This process's children: pid → (name, state)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        state, parent = stat[stat.rindex(")") + 2 :].split()[:2]
        if int(parent) == os.getpid():
            found[int(entry.name)] = (name, state)
    return found


def take(tasks: int, temp: Path, before: Before) -> Census:
    gc.collect()
    objects = Counter(type(o).__qualname__ for o in gc.get_objects())
    new = [child for pid, child in children_by_pid().items() if pid not in before.children]
    return Census(
        tasks=tasks,
        threads=tuple(sorted(t.name for t in threading.enumerate() if t not in before.threads)),
        fds=len(os.listdir("/proc/self/fd")),
        children=tuple(sorted(name for name, state in new if state != "Z")),
        zombies=sum(state == "Z" for _, state in new),
        temp=tuple(sorted(p.name for p in temp.iterdir())),
        objects=objects,
    )


def grown(before: Counter[str], after: Counter[str], by: int) -> dict[str, int]:
    """The object types of which ``after`` holds more than ``by`` more than ``before``."""
    return {kind: after[kind] - before[kind] for kind in after if after[kind] - before[kind] > by}

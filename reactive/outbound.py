"""A session's outbound events: conflated latest values, statuses, stale-run drop, text deltas.

Every pending event has a key: one per component for values, one per function for statuses. A new
event with the same key replaces the pending one and moves to the end, so a value is always sent
after the status that preceded it and before the status that follows it, and a value the page has
not drawn yet is simply overwritten (a fast generator's intermediate values are skipped).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from reactive.components.base import Component
from reactive.protocol.messages import Append, Event, Status, Update


@dataclass(slots=True)
class PendingValue:
    component: Component
    function: str
    run: int
    value: Any  # the wire value, or the raw result while ``ready`` is False
    ready: bool


Pending = PendingValue | Status


def utf16_length(text: str) -> int:
    """Text length as the browser counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(slots=True)
class _SentText:
    run: int
    text: str
    length: int  # in UTF-16 units


class Outbound:
    """Pending events of one session, and what the connected client already has."""

    def __init__(self) -> None:
        self._pending: dict[tuple[str, str], Pending] = {}
        self._stale_runs: set[int] = set()
        self._sent_text: dict[str, _SentText] = {}
        self._ready = asyncio.Event()
        #: The last full wire value sent per component, to redraw a resumed page.
        self.display: dict[str, Any] = {}

    # ---------------------------------------------------------------- producers

    def put_value(self, item: PendingValue) -> None:
        self._put(("v", item.component.id), item)

    def put_status(self, status: Status) -> None:
        self._put(("s", status.function), status)

    def _put(self, key: tuple[str, str], item: Pending) -> None:
        self._pending.pop(key, None)
        self._pending[key] = item
        self._ready.set()

    def drop_run(self, run: int) -> None:
        """Forget every pending value of a superseded run; any still in flight will be dropped."""
        self._stale_runs.add(run)
        stale = [
            k for k, v in self._pending.items() if isinstance(v, PendingValue) and v.run == run
        ]
        for key in stale:
            del self._pending[key]

    def is_stale(self, run: int) -> bool:
        return run in self._stale_runs

    # ---------------------------------------------------------------- the writer

    async def wait(self) -> None:
        """Wait until there is something to send."""
        await self._ready.wait()

    def take(self) -> list[Pending]:
        items = list(self._pending.values())
        self._pending.clear()
        self._ready.clear()
        return items

    def to_event(self, item: PendingValue) -> Event | None:
        """The event that brings the client to ``item``: a full update, an append, or nothing."""
        wire = item.value
        component = item.component.id
        if item.component.text_like and isinstance(wire, str):
            previous = self._sent_text.get(component)
            if previous is not None and previous.run == item.run:
                if wire == previous.text:
                    return None
                if previous.text and wire.startswith(previous.text):
                    delta = wire[len(previous.text) :]
                    event: Event = Append(component, item.run, delta, previous.length)
                    self._remember_text(
                        component, item.run, wire, previous.length + utf16_length(delta)
                    )
                    return event
            self._remember_text(component, item.run, wire, utf16_length(wire))
        else:
            self._sent_text.pop(component, None)
        self.display[component] = wire
        return Update(component, item.run, wire)

    def _remember_text(self, component: str, run: int, text: str, length: int) -> None:
        self._sent_text[component] = _SentText(run, text, length)
        self.display[component] = text

    def reset_client(self) -> None:
        """A new page is attached: it has nothing yet, so send full values from now on."""
        self._sent_text.clear()

"""A session's outbound events: conflated latest values, statuses, stale-run drop, text deltas.

Every pending event has a key: one per function for statuses and for progress, one per component
for properties and for the value of a growing output (text, chat), a fresh one per toast and per
value of any other output. A new event with the same key replaces the pending one and moves to the
end, so a value is always sent after the status that preceded it and before the status that
follows it. A growing output's newest value carries all the earlier ones (as one append delta);
other outputs send every value while the page keeps up, and only when it falls behind are their
oldest pending values skipped (``MAX_BACKLOG``).

Every event of a function's run names the function (``f``): the page judges staleness per function,
so two functions writing one output both stay live. Values know their function; properties and
stream chunks, made elsewhere, get it from the run's status, which always comes first.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from reactive.components.base import Component
from reactive.protocol.messages import (
    Append,
    Called,
    Chunk,
    End,
    Event,
    Props,
    Received,
    Status,
    Update,
)
from reactive.scheduler.runs import Run


@dataclass(slots=True)
class PendingValue:
    component: Component
    function: str
    run: Run
    value: Any  # the wire value, or the raw result while ``ready`` is False
    ready: bool


@dataclass(slots=True)
class PendingEvent:
    """A ready event of a run (properties, progress, toast): dropped with its run."""

    key: tuple[str, str]
    run: Run | None  # None: no run (upload progress), never stale
    event: Event


Pending = PendingValue | Status | PendingEvent


# A run that just started usually has its first result within a millisecond (a keystroke's
# reply): a lone "running" status wakes the writer only after this long, so both travel in one
# batch (and one wake-up of the writer), not two.
START_COALESCE_SECONDS = 0.003

#: Pending values one output may hold while the page is behind; older ones are skipped.
MAX_BACKLOG = 32


def utf16_length(text: str) -> int:
    """Text length as the browser counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(slots=True)
class _SentText:
    run: int
    head: Any  # what must stay the same for a delta (the earlier messages of a chatbot)
    text: str
    length: int  # in UTF-16 units


class Outbound:
    """Pending events of one session, and what the connected client already has."""

    def __init__(self) -> None:
        self._pending: dict[tuple[str, str], Pending] = {}
        self._sent_text: dict[str, _SentText] = {}
        self._ready = False  # something is pending and the writer was told
        self._listener: Callable[[], None] | None = None  # the writer, while a page is attached
        self._heavy = 0  # values queued unconverted since the last take (a bound, not a count)
        # A lone "running" status waits: since when (None: none waits), and the one timer that
        # wakes the writer for it, left armed between keystrokes rather than made for each.
        self._held_since: float | None = None
        self._held_wake: asyncio.TimerHandle | None = None
        self._value_count = 0
        self._backlog: dict[str, deque[tuple[str, str]]] = {}
        self._toasts = 0
        self._chunks = 0
        # The run each function has now, and the reverse: one entry per function at most.
        self._function_run: dict[str, int] = {}
        self._run_function: dict[int, str] = {}
        # Per function, the error of its newest run whose value failed to convert: sticky, so a
        # later "running" or "done" of the same run cannot hide it.
        self._failed: dict[str, Status] = {}
        #: Each function's newest status, sent again to a page that resumes (its last batch
        #: may have been lost in flight with the old socket).
        self._last_status: dict[str, Status] = {}

    def forget(self, function: str) -> None:
        """``function`` will not run again (its render was replaced): drop what is kept of it."""
        run = self._function_run.pop(function, None)
        if run is not None:
            self._run_function.pop(run, None)
        self._failed.pop(function, None)
        self._last_status.pop(function, None)

    # ---------------------------------------------------------------- producers

    def put_value(self, item: PendingValue) -> None:
        """Queue a result. A growing output (text, chat) keeps only its newest pending value, since
        one delta carries the rest; any other keeps every value while the page keeps up, and only
        a backlog (the page is behind) is thinned to its newest ``MAX_BACKLOG`` values.
        """
        component = item.component.id
        if item.component.grows:
            self._heavy += not item.ready
            self._put(("v", component), item)
            return
        if not item.ready:
            self._heavy += 1
        self._value_count += 1
        key = ("v", f"{component}#{self._value_count}")
        self._put(key, item)
        backlog = self._backlog.get(component)
        if backlog is None:  # not setdefault: that would make a deque at every value
            backlog = self._backlog[component] = deque()
        backlog.append(key)
        while len(backlog) > MAX_BACKLOG:
            self._pending.pop(backlog.popleft(), None)

    def put_status(self, status: Status, wake: bool = True) -> None:
        """A run's state. Its first status comes before any other event of the run (the session
        reports ``running`` before the run's body starts), so it names the run's function.

        A ``running`` status, or one put with ``wake=False``, waits for the next batch that
        something else sends (a later status of the same function replaces it meanwhile).
        """
        previous = self._function_run.get(status.function, 0)
        if status.run < previous:
            return  # a superseded run's late status (its value failed to convert): not shown
        failed = self._failed.get(status.function)
        if failed is not None and failed.run == status.run:
            status = failed
        elif failed is not None:
            del self._failed[status.function]  # a newer run: the old error is over
        if status.run > previous:  # a function has one run at a time: the older one is over
            self._run_function.pop(previous, None)
            self._function_run[status.function] = status.run
            self._run_function[status.run] = status.function
        self._last_status[status.function] = status
        self._put(("s", status.function), status, wake=wake and status.state != "running")

    def fail(self, item: PendingValue, message: str) -> None:
        """``item``'s value could not be converted (the writer found out): its run shows an
        error from now on, unless it was superseded meanwhile."""
        if item.run.cancelled or item.run.id < self._function_run.get(item.function, 0):
            return
        error = Status(item.function, item.run.id, "error", message=message)
        self._failed[item.function] = error
        self.put_status(error)

    def put_event(self, key: tuple[str, str], run: Run, event: Event) -> None:
        """A run's event under ``key`` (the newest per key is kept); never for a stale run."""
        if not run.cancelled:
            self._put(key, PendingEvent(key, run, self._with_function(run.id, event)))

    def _with_function(self, run: int, event: Event) -> Event:
        """Name the run's function on its properties and chunks (an example's fill has none)."""
        function = self._run_function.get(run)
        if function is not None and isinstance(event, Props | Chunk | End) and not event.function:
            return replace(event, function=function)
        return event

    def put_toast(self, run: Run, event: Event) -> None:
        self._toasts += 1
        self.put_event(("m", str(self._toasts)), run, event)

    def put_chunk(self, run: Run, event: Event) -> None:
        """A stream's chunk or end: never conflated, sent in order, dropped with a stale run."""
        self._chunks += 1
        self.put_event(("k", str(self._chunks)), run, event)

    def put_notice(self, event: Event) -> None:
        """A notice of the session's own (no run): a toast that no stale run can drop."""
        self._toasts += 1
        key = ("m", str(self._toasts))
        self._put(key, PendingEvent(key, None, event))

    def put_received(self, event: Received) -> None:
        """Upload progress: only the newest count per component is sent."""
        key = ("u", event.component)
        self._put(key, PendingEvent(key, None, event))

    def put_called(self, event: Called) -> None:
        """The answer to an API call (its run id, or its refusal): never stale, never conflated."""
        key = ("c", str(event.call))
        self._put(key, PendingEvent(key, None, event))

    def _put(self, key: tuple[str, str], item: Pending, *, wake: bool = True) -> None:
        self._pending.pop(key, None)
        self._pending[key] = item
        if wake:
            self._wake()
        elif not self._ready and self._held_since is None:
            loop = asyncio.get_running_loop()
            self._held_since = loop.time()
            if self._held_wake is None:
                self._held_wake = loop.call_later(START_COALESCE_SECONDS, self._held_due)

    def _held_due(self) -> None:
        """The held timer fired: wake the writer if a status has waited its time, else wait on."""
        self._held_wake = None
        if self._held_since is None:
            return  # what was held went out with a later event meanwhile
        loop = asyncio.get_running_loop()
        left = self._held_since + START_COALESCE_SECONDS - loop.time()
        if left > 0:  # a later keystroke's status, held since after this timer was armed
            self._held_wake = loop.call_later(left, self._held_due)
        else:
            self._wake()

    def _wake(self) -> None:
        self._held_since = None
        if not self._ready:
            self._ready = True
            if self._listener is not None:
                self._listener()

    def drop_run(self, run: Run) -> None:
        """Forget every pending value of a cancelled run; any still in flight is dropped by the
        writer, which asks the run itself (its state is the one record of staleness)."""
        stale = [
            k
            for k, v in self._pending.items()
            if isinstance(v, PendingValue | PendingEvent) and v.run is run
        ]
        for key in stale:
            del self._pending[key]

    @staticmethod
    def is_stale(item: PendingValue | PendingEvent) -> bool:
        return item.run is not None and item.run.cancelled

    # ---------------------------------------------------------------- the writer

    def listen(self, listener: Callable[[], None] | None) -> None:
        """Call ``listener`` each time something becomes pending (at once if something is)."""
        self._listener = listener
        if listener is not None and self._ready:
            listener()

    @property
    def ready(self) -> bool:
        """Something is pending and due (a lone "running" status is not due yet)."""
        return self._ready

    @property
    def has_heavy(self) -> bool:
        """A pending value may still need converting (in a thread, by the writer)."""
        return self._heavy > 0

    def take(self) -> list[Pending]:
        items = list(self._pending.values())
        self._pending.clear()
        self._backlog.clear()
        self._ready = False
        self._heavy = 0
        self._held_since = None  # its timer, if armed, finds nothing held and stops
        return items

    def to_event(self, item: PendingValue) -> Event | None:
        """The event that brings the client to ``item``: a full update, an append, or nothing."""
        wire = item.value
        component = item.component.id
        parts = item.component.stream_parts(wire)
        if parts is None:
            self._sent_text.pop(component, None)
            return Update(component, item.run.id, wire, item.function)
        head, text = parts
        previous = self._sent_text.get(component)
        if previous is not None and previous.run == item.run.id and previous.head == head:
            if text == previous.text:
                return None
            if previous.text and text.startswith(previous.text):
                delta = text[len(previous.text) :]
                length = previous.length + utf16_length(delta)
                self._sent_text[component] = _SentText(item.run.id, head, text, length)
                return Append(component, item.run.id, delta, previous.length, item.function)
        self._sent_text[component] = _SentText(item.run.id, head, text, utf16_length(text))
        return Update(component, item.run.id, wire, item.function)

    def reset_client(self) -> None:
        """A new page is attached: it has nothing yet, so send full values from now on."""
        self._sent_text.clear()

    def replay_statuses(self) -> None:
        """A page resumed: every function's newest status once more, so a run that ended while
        its final batch was in flight on the old socket is seen to end (a page, and
        ``rx.Client``, take a repeated status as it is)."""
        for status in self._last_status.values():
            self._put(("s", status.function), status)

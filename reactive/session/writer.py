"""A session's writer: pending events out as batches on its channel, while the window allows.

Heavy results (images, files) are converted in threads, only for values really sent; events of
superseded runs are dropped here, at the last moment before they would leave.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from reactive.errors import OutputError
from reactive.protocol.connection import CLOSE_STALLED
from reactive.protocol.messages import Event, Status, Update
from reactive.scheduler.gate import Gate
from reactive.session.channel import Channel
from reactive.session.outbound import Outbound, Pending, PendingEvent, PendingValue
from reactive.session.values import Values

log = logging.getLogger("reactive")

#: A page whose window stays full (no ack) or whose socket takes no bytes this long is closed.
#: Over a minute: Chrome runs a long-hidden tab's timers (its acks) once a minute. Meanwhile the
#: window bounds what the page holds up (4 MiB), and its producers wait.
STALLED_PAGE_SECONDS = 90.0
#: How often the watchdog looks, as a share of ``STALLED_PAGE_SECONDS``.
_WATCH_SHARE = 0.25


class _Watchdog:
    """Calls ``look`` every quarter of ``STALLED_PAGE_SECONDS`` while the page is attached.

    One timer per page instead of a timeout armed and disarmed around every batch: a
    keystroke's batch costs no timer.
    """

    def __init__(self, look: Callable[[], None]) -> None:
        self._look = look
        self._loop = asyncio.get_running_loop()
        self._handle = self._loop.call_later(STALLED_PAGE_SECONDS * _WATCH_SHARE, self._tick)

    def _tick(self) -> None:
        self._handle = self._loop.call_later(STALLED_PAGE_SECONDS * _WATCH_SHARE, self._tick)
        self._look()

    def stop(self) -> None:
        self._handle.cancel()


class BatchWriter:
    """Sends ``outbound``'s events on ``channel``; ``after_send`` re-checks the flow window.

    The common batch (a keystroke's status and value) is sent by one callback at the end of
    the loop turn that queued it, straight to a transport that can take it (``try_send``).
    Only a batch that must wait (a full window, a heavy value to convert in a thread, a
    transport whose buffer is full) is sent by a task, which goes on until nothing is pending.
    Each full value it sends is recorded in ``values`` (a resumed page is redrawn with it).
    """

    def __init__(
        self,
        outbound: Outbound,
        values: Values,
        gate: Gate,
        channel: Channel,
        after_send: Callable[[], None],
        on_stalled: Callable[[], None],
    ) -> None:
        self._outbound = outbound
        self._values = values
        self._gate = gate
        self._channel = channel
        self._after_send = after_send
        self._on_stalled = on_stalled
        self._loop = asyncio.get_running_loop()
        self._flush: asyncio.Handle | None = None  # the end-of-turn send, when one is due
        self._task: asyncio.Task[None] | None = None  # the sender of batches that must wait
        self._waiting_since: float | None = None  # on the page's ack or its socket, since
        self._stalled = False
        self._watchdog: _Watchdog | None = None

    def start(self) -> None:
        """Send whatever is pending, and from now on whatever is queued."""
        self._watchdog = _Watchdog(self._look)
        self._outbound.listen(self._schedule)

    def stop(self) -> None:
        """The page went away: send nothing more (pending events stay for the next page)."""
        self._outbound.listen(None)
        if self._watchdog is not None:
            self._watchdog.stop()
        if self._flush is not None:
            self._flush.cancel()
            self._flush = None
        if self._task is not None and not self._stalled:
            self._task.cancel()

    def _schedule(self) -> None:
        """Outbound has something: send it at the end of this loop turn (one batch for all)."""
        if self._flush is None and self._task is None:
            self._flush = self._loop.call_soon(self._send_now)

    def _send_now(self) -> None:
        self._flush = None
        if not self._gate.is_open or self._outbound.has_heavy:
            self._start_task(None)
            return
        events = self._events(self._outbound.take())
        if not events:
            return
        data = self._channel.connection.send_batch(events)
        if self._channel.transport.try_send(data):
            self._after_send()
        else:
            self._start_task(data)

    def _start_task(self, data: bytes | None) -> None:
        self._task = self._loop.create_task(self._send_waiting(data))

    async def _send_waiting(self, data: bytes | None) -> None:
        """Send ``data`` (a batch already encoded), then every batch until none is pending."""
        try:
            if data is not None:
                await self._send(data)
            while self._outbound.ready:
                if not self._gate.is_open:  # the window is full: wait for the page's ack
                    self._waiting_since = self._loop.time()
                    await self._gate.wait()
                    self._waiting_since = None
                events = await self._prepare(self._outbound.take())
                if events:
                    await self._send(self._channel.connection.send_batch(events))
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if not self._stalled or (task is not None and task.uncancel() > 0):
                raise  # cancelled from outside (the page went away), not by the watchdog
            await self._close_stalled()
        finally:
            self._task = None

    async def _send(self, data: bytes) -> None:
        self._waiting_since = self._loop.time()
        await self._channel.transport.send(data)  # its socket takes the bytes
        self._waiting_since = None
        self._after_send()

    def _look(self) -> None:
        """The watchdog's look: has the task waited on its page for too long?"""
        since = self._waiting_since
        if self._task is None or since is None or self._stalled:
            return
        if self._loop.time() - since >= STALLED_PAGE_SECONDS:
            self._stalled = True
            self._task.cancel()

    async def _close_stalled(self) -> None:
        """No ack, or a send that made no progress, for ``STALLED_PAGE_SECONDS``: the page
        stopped reading. Close its socket and stop its runs, so nothing is produced into
        nothing and no buffer grows."""
        log.warning("A page stopped reading for %.0f s: closing its socket.", STALLED_PAGE_SECONDS)
        self._on_stalled()
        self._channel.connection.close()
        with contextlib.suppress(TimeoutError):  # a socket that cannot even take a close frame
            async with asyncio.timeout(1):
                await self._channel.transport.close(CLOSE_STALLED, "The page stopped reading.")

    async def _prepare(self, items: list[Pending]) -> list[Event]:
        heavy = [i for i in items if isinstance(i, PendingValue) and not i.ready]
        if heavy:
            await asyncio.gather(*(self._postprocess_in_thread(i) for i in heavy))
        return self._events(items)

    def _events(self, items: list[Pending]) -> list[Event]:
        """The events of ``items`` that still go out: not of a stale run, values converted."""
        events: list[Event] = []
        for item in items:
            if isinstance(item, Status):
                events.append(item)
            elif isinstance(item, PendingEvent):
                if not self._outbound.is_stale(item):
                    events.append(item.event)
                    self._remember_fill(item.event)
            elif item.ready and not self._outbound.is_stale(item):
                self._values.sent(item.component.id, item.value)
                event = self._outbound.to_event(item)
                if event is not None:
                    events.append(event)
        return events

    def _remember_fill(self, event: Event) -> None:
        if isinstance(event, Update):  # an example's value: a resumed page redraws it
            self._values.sent(event.component, event.value)

    async def _postprocess_in_thread(self, item: PendingValue) -> None:
        try:
            item.value = await asyncio.to_thread(item.component.postprocess, item.value)
            item.ready = True
        except OutputError as exc:
            log.warning("Cannot show result of run %d in %r: %s", item.run.id, item.component, exc)
            self._outbound.fail(item, str(exc))

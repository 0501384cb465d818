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
    """Cancels the writer's task once it has waited on its page for ``STALLED_PAGE_SECONDS``.

    One timer per page, every quarter of that bound, instead of a timeout armed and disarmed
    around every batch: a keystroke's batch costs no timer.
    """

    def __init__(self, task: asyncio.Task[None], waiting_since: Callable[[], float | None]) -> None:
        self._task = task
        self._waiting_since = waiting_since
        self._loop = asyncio.get_running_loop()
        self.fired = False
        self._handle = self._loop.call_later(STALLED_PAGE_SECONDS * _WATCH_SHARE, self._look)

    def _look(self) -> None:
        since = self._waiting_since()
        if since is not None and self._loop.time() - since >= STALLED_PAGE_SECONDS:
            self.fired = True
            self._task.cancel()
        else:
            self._handle = self._loop.call_later(STALLED_PAGE_SECONDS * _WATCH_SHARE, self._look)

    def stop(self) -> None:
        self._handle.cancel()


class BatchWriter:
    """Sends ``outbound``'s events on ``channel``; ``after_send`` re-checks the flow window.

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
        self._waiting_since: float | None = None  # on the page's ack or its socket, since

    async def run(self) -> None:
        """Send batches until cancelled (the page went away) or the page stops reading."""
        task = asyncio.current_task()
        assert task is not None
        watchdog = _Watchdog(task, lambda: self._waiting_since)
        try:
            await self._send_batches()
        except asyncio.CancelledError:
            if not watchdog.fired or task.uncancel() > 0:
                raise  # cancelled from outside (the page went away), not by the watchdog
            await self._stalled()
        finally:
            watchdog.stop()

    async def _send_batches(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self._outbound.wait()
            if not self._gate.is_open:  # the window is full: wait for the page's ack
                self._waiting_since = loop.time()
                await self._gate.wait()
                self._waiting_since = None
            items = self._outbound.take()
            events = await self._prepare(items)
            if not events:
                continue
            data = self._channel.connection.send_batch(events)
            self._waiting_since = loop.time()
            await self._channel.transport.send(data)  # its socket takes the bytes
            self._waiting_since = None
            self._after_send()

    async def _stalled(self) -> None:
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

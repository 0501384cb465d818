"""A session's writer: pending events out as batches on its channel, while the window allows.

Heavy results (images, files) are converted in threads, only for values really sent; events of
superseded runs are dropped here, at the last moment before they would leave.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from reactive.errors import OutputError
from reactive.protocol.messages import Event, Status, Update
from reactive.scheduler.gate import Gate
from reactive.session.channel import Channel
from reactive.session.outbound import Outbound, Pending, PendingEvent, PendingValue
from reactive.session.values import Values

log = logging.getLogger("reactive")


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
    ) -> None:
        self._outbound = outbound
        self._values = values
        self._gate = gate
        self._channel = channel
        self._after_send = after_send

    async def run(self) -> None:
        """Send batches until cancelled (the page went away)."""
        while True:
            await self._outbound.wait()
            await self._gate.wait()
            items = self._outbound.take()
            events = await self._prepare(items)
            if not events:
                continue
            connection = self._channel.connection
            await self._channel.transport.send(connection.send_batch(events))
            self._after_send()

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

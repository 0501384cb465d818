"""The streaming outputs of one session: a media stream per (run, output), chunks in order.

Every value a run gives a streaming output is converted by that run's
:class:`~reactive.media.stream.OutputStream` and queued as ``chunk`` events, never conflated.
Before each conversion the run waits while the page's flow-control window is full, so a slow
page pauses the generator instead of growing a buffer. When the run ends its streams are
finished (held-back data, then an ``end`` event); when it is cancelled or fails they are aborted
(processes killed, files removed); a failed run still gets its ``end``, so the page keeps what it
played.
"""

from __future__ import annotations

from contextlib import aclosing
from typing import Any

from reactive.components.base import Component
from reactive.definition.update import PropUpdate
from reactive.media.stream import OutputStream
from reactive.protocol.messages import Chunk, End
from reactive.scheduler.gate import Gate
from reactive.scheduler.runs import Run, RunState
from reactive.session.outbound import Outbound


class Streams:
    """Open output streams, by run id and component id."""

    def __init__(self, outbound: Outbound, gate: Gate) -> None:
        self._outbound = outbound
        self._gate = gate
        self._open: dict[int, dict[str, OutputStream]] = {}

    def takes(self, run: Run, component: Component, value: Any) -> bool:
        """Whether ``value`` is a chunk for ``component`` (not, e.g., a property update).

        None before the run's first chunk clears the output (a Clear button); once the run is
        streaming to it, None is only a yield with nothing to play.
        """
        if not component.streams or isinstance(value, dict | PropUpdate | Component):
            return False
        return value is not None or component.id in self._open.get(run.id, {})

    async def put(self, run: Run, component: Component, value: Any) -> None:
        """Convert one value of ``run`` for ``component`` and queue its chunks."""
        streams = self._open.setdefault(run.id, {})
        stream = streams.get(component.id)
        if stream is None:
            stream = streams[component.id] = _open(component)
        await self._gate.wait()
        async with aclosing(stream.convert(value)) as payloads:
            async for payload in payloads:  # each as soon as it is ready (a video's first frame)
                if run.state is RunState.RUNNING:
                    self._outbound.put_chunk(run, Chunk(component.id, run.id, payload))

    async def finish(self, run: Run) -> None:
        """The run is done: send each stream's tail and its end."""
        streams = self._open.get(run.id, {})
        while streams:
            component, stream = next(iter(streams.items()))
            payloads = await stream.finish()
            del streams[component]
            for payload in payloads:
                self._outbound.put_chunk(run, Chunk(component, run.id, payload))
            self._outbound.put_chunk(run, End(component, run.id))
        self._open.pop(run.id, None)

    async def abort(self, run: Run, *, failed: bool) -> None:
        """The run was cancelled (its events are dropped) or failed (its streams end here)."""
        streams = self._open.pop(run.id, {})
        for component, stream in streams.items():
            try:
                await stream.abort()
            finally:
                if failed:
                    self._outbound.put_chunk(run, End(component, run.id))


def _open(component: Component) -> OutputStream:
    stream = component.open_stream()
    if stream is None:
        raise TypeError(f"{component!r} streams but opened no stream.")
    return stream

"""Streaming inputs: microphone and webcam chunks in, calls of the functions streaming on them.

The page sends a capture as ``stream`` chunks (docs/protocol.md, *Streaming inputs*); each one
becomes the component's value and calls every function with a ``"stream"`` trigger on it, in
order. How a busy function is fed depends on the component (``Component.captures``):

- ``"every"`` (sound): every chunk is a call, queued behind the running one, so no sound is
  lost; past :data:`MAX_WAITING_CHUNKS` waiting calls the stream is stopped with a clear error;
- ``"latest"`` (pictures): while a call runs only the newest frame is kept, and it is the next
  call the moment the function is free; older frames are skipped, never queued.

A stream ends when the page stops it (``stream_end``), at its ``time_limit``, past a limit, or
when the page goes. Then a frame held back is dropped and a generator function's calls are
cancelled (the generator is closed); a plain function's calls already waiting still run, so the
sound up to the stop is never lost. When the page goes, every call is cancelled.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from reactive.components.base import Component
from reactive.components.upload_folder import writing_to
from reactive.definition.graph import BoundFunction
from reactive.errors import InvalidValue, RemoteProtocolError
from reactive.protocol.messages import StreamChunk, StreamEnd
from reactive.scheduler.clock import Clock
from reactive.scheduler.runs import Run

#: Calls of one function that may wait behind the running one before a sound stream stops.
MAX_WAITING_CHUNKS = 64
#: How late (seconds) a chunk may arrive after the time limit: the page stops itself on time.
TIME_LIMIT_GRACE = 1.0

Submit = Callable[[BoundFunction], Run | None]


@dataclass(slots=True)
class _Lane:
    """One function fed by one stream: its calls not yet finished, and a held-back frame."""

    component: str
    function: BoundFunction
    runs: set[int] = field(default_factory=set)
    held: Any = None
    has_held: bool = False


@dataclass(slots=True)
class _Capture:
    """One stream of one component, from its first chunk to its end."""

    stream: int
    started: float
    next_index: int = 0
    received: int = 0  # bytes
    ended: bool = False
    interrupted: bool = False  # ended because the page's socket went: tell the page once


class Captures:
    """The streaming inputs of one session."""

    def __init__(
        self,
        triggers: Mapping[tuple[str | None, str], Sequence[BoundFunction]],
        store_value: Callable[[str, Any], None],
        submit: Submit,
        clock: Clock,
        folder: Callable[[], Path],
        max_bytes: int,
        cancel: Callable[[str], None],
    ) -> None:
        self._triggers = triggers
        self._store_value = store_value
        self._submit = submit
        self._clock = clock
        self._folder = folder  # the session's upload folder (type="filepath" chunks)
        self._max_bytes = max_bytes
        self._cancel = cancel
        self._captures: dict[str, _Capture] = {}
        self._lanes: dict[tuple[str, str], _Lane] = {}  # (component, function id)
        self._run_lanes: dict[int, _Lane] = {}

    def functions(self, component: str) -> Sequence[BoundFunction]:
        return self._triggers.get((component, "stream"), ())

    async def receive(self, chunk: StreamChunk, component: Component) -> None:
        """One chunk: check it belongs to a live stream, decode it, call the functions."""
        functions = self.functions(component.id)
        if component.captures is None or not functions:
            raise RemoteProtocolError(
                "unknown_component", f"Component {component.id!r} takes no stream.", component.id
            )
        capture = self._capture_for(chunk)
        if capture is None:
            return  # a late chunk of a stream that has ended
        self._check(capture, chunk, component, functions)
        convert = partial(component.from_stream, chunk.kind, chunk.data, chunk.rate, chunk.mime)
        try:
            if component.slow_stream_chunk:
                with writing_to(self._folder()):
                    value = await asyncio.to_thread(convert)  # the page's next frames wait
            else:
                value = convert()
        except InvalidValue as exc:
            self._stop(component.id, capture)
            raise RemoteProtocolError("bad_value", str(exc), component.id) from None
        if capture.ended:
            return  # stopped while the chunk was decoded
        for function in functions:
            self._feed(component, function, value)

    def end(self, message: StreamEnd) -> None:
        """The page stopped the stream (see the module's docstring for what still runs)."""
        capture = self._captures.get(message.component)
        if capture is not None and capture.stream == message.stream:
            self._stop(message.component, capture)

    def stop_all(self) -> None:
        """The page went away: every stream ends, and its calls are cancelled (a generator
        is closed); a page that comes back starts a new stream."""
        for component, capture in list(self._captures.items()):
            capture.interrupted = not capture.ended
            self._stop(component, capture)
        for lane in self._lanes.values():
            if lane.runs:
                self._cancel(lane.function.id)

    def run_changed(self, run: Run) -> None:
        """A finished call frees its function for the frame held back, if there is one."""
        if not run.state.finished:
            return
        lane = self._run_lanes.pop(run.id, None)
        if lane is None:
            return
        lane.runs.discard(run.id)
        if lane.has_held and not lane.runs:
            value, lane.held, lane.has_held = lane.held, None, False
            self._call(lane, value)

    # ---------------------------------------------------------------- internals

    def _capture_for(self, chunk: StreamChunk) -> _Capture | None:
        capture = self._captures.get(chunk.component)
        if capture is None or chunk.stream > capture.stream:
            if chunk.index != 0:
                return None  # the start of this stream was refused or never came
            capture = _Capture(chunk.stream, self._clock.now())
            self._captures[chunk.component] = capture
        if chunk.stream == capture.stream and capture.interrupted:
            capture.interrupted = False  # a page that came back still recording: say so
            raise RemoteProtocolError(
                "bad_value",
                "The connection dropped while recording, so this stream ended: press Record "
                "to start again.",
                chunk.component,
            )
        if chunk.stream != capture.stream or capture.ended:
            return None
        return capture

    def _check(
        self,
        capture: _Capture,
        chunk: StreamChunk,
        component: Component,
        functions: Sequence[BoundFunction],
    ) -> None:
        """Order, size and time: a chunk past a limit ends the stream with a clear error."""
        if chunk.index != capture.next_index:
            capture.ended = True
            raise RemoteProtocolError(
                "bad_frame",
                f"Stream chunk {chunk.index} of {component.id!r} came after "
                f"{capture.next_index - 1}: chunks must come in order.",
                component.id,
            )
        capture.next_index += 1
        capture.received += len(chunk.data)
        if capture.received > self._max_bytes:
            self._stop(component.id, capture)
            raise RemoteProtocolError(
                "too_large",
                f"This stream sent more than {self._max_bytes} bytes, the limit of one "
                f"recording (rx.App(max_upload_bytes=...)); it was stopped. Press Record to "
                f"start again.",
                component.id,
            )
        limits = [f.time_limit for f in functions if f.time_limit is not None]
        if limits and self._clock.now() - capture.started > min(limits) + TIME_LIMIT_GRACE:
            self._stop(component.id, capture)
            raise RemoteProtocolError(
                "bad_value",
                f"This stream passed its time limit of {min(limits):g} s and was stopped; "
                f"press Record to start again.",
                component.id,
            )

    def _feed(self, component: Component, function: BoundFunction, value: Any) -> None:
        key = (component.id, function.id)
        lane = self._lanes.get(key) or self._lanes.setdefault(key, _Lane(component.id, function))
        if component.captures == "latest" and lane.runs:
            lane.held, lane.has_held = value, True  # the newest frame replaces an older one
            return
        if len(lane.runs) > MAX_WAITING_CHUNKS:
            capture = self._captures[component.id]
            self._stop(component.id, capture)
            raise RemoteProtocolError(
                "too_large",
                f"{function.name}() is slower than the stream: {MAX_WAITING_CHUNKS} chunks "
                f"were waiting for it, so the stream was stopped. Make the function faster, "
                f"or send longer chunks (a larger stream_every).",
                component.id,
            )
        self._call(lane, value)

    def _call(self, lane: _Lane, value: Any) -> None:
        self._store_value(lane.component, value)
        run = self._submit(lane.function)
        if run is not None and not run.state.finished:
            lane.runs.add(run.id)
            self._run_lanes[run.id] = lane

    def _stop(self, component: str, capture: _Capture) -> None:
        capture.ended = True
        for lane in self._lanes.values():
            if lane.component == component:
                lane.held, lane.has_held = None, False
                if lane.runs and lane.function.kind in ("gen", "asyncgen"):
                    self._cancel(lane.function.id)  # the stream's end closes a generator

"""One browser session: its lifecycle (attach, detach, close) and the dispatch of page messages.

The session joins the app's definitions, the scheduler and the outbound queue; each concern has
its own module: ``values`` (the one value store), ``runs`` (submit, emit, statuses), ``flow``
(window → gate), ``welcome``, ``uploads``, ``streams``, ``outbound`` and ``writer``. It speaks to
the page through a :class:`Channel` (the sans-I/O connection plus a transport), so tests drive it
with an in-memory transport and no server.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine, Mapping
from functools import partial
from typing import Any

from reactive.components.base import Component
from reactive.components.upload_folder import writing_to
from reactive.definition.app import App
from reactive.definition.arguments import Fired
from reactive.definition.derived import derived_events
from reactive.definition.graph import BoundFunction
from reactive.definition.render import Rendered, RenderSlot
from reactive.errors import InvalidValue, RemoteProtocolError
from reactive.protocol.messages import (
    Ack,
    Call,
    Called,
    Cancel,
    ClientMessage,
    Example,
    Hello,
    Input,
    Received,
    StreamChunk,
    StreamEnd,
    Toast,
    Trigger,
    Update,
    Upload,
)
from reactive.scheduler.clock import Clock, LoopClock
from reactive.scheduler.gate import Gate
from reactive.scheduler.limiter import Slots
from reactive.scheduler.policy import OnBusy
from reactive.scheduler.runs import Run
from reactive.scheduler.scheduler import Scheduler, Submission
from reactive.scheduler.threads import HeavyCalls, ThreadBudget
from reactive.session import calls
from reactive.session.capture import Captures
from reactive.session.channel import Channel
from reactive.session.ending import session_ended
from reactive.session.flow import Flow
from reactive.session.lifecycle import SessionState, check_move
from reactive.session.outbound import Outbound, PendingValue
from reactive.session.rendering import Renders
from reactive.session.runs import Runs
from reactive.session.uploads import Uploads
from reactive.session.values import Values
from reactive.session.welcome import welcome
from reactive.session.workers import Workers
from reactive.session.writer import BatchWriter

log = logging.getLogger("reactive")

# How long a closing session waits for its runs to finish being cancelled.
CLOSE_TIMEOUT_SECONDS = 5.0
# How often a stopped gr.Timer's loop looks whether a listener started it again (its first
# tick then comes one interval later); cheap enough for many idle sessions.
TIMER_POLL_SECONDS = 0.25


class Session:
    """The server side of one page."""

    def __init__(
        self,
        app: App,
        session_id: str,
        *,
        clock: Clock | None = None,
        workers: Workers | None = None,
        limiters: Mapping[str, Slots] | None = None,
        heavy: HeavyCalls | None = None,
    ) -> None:
        self.app = app
        self.id = session_id
        self._clock: Clock = clock or LoopClock()
        self.store = Values(app.components)
        self.outbound = Outbound()
        #: The session's own view of each component: ``rx.update`` replaces one here.
        self.components: dict[str, Component] = dict(app.components)
        self.scheduler = Scheduler(self, self._clock)
        self.flow = Flow()
        self.threads = ThreadBudget(app.max_threads_per_session, heavy)
        self._owns_workers = workers is None  # a session on its own (a test) starts its own pool
        self._had_page = False  # a page attached (not one API call): its unloads run at close
        self.workers = workers if workers is not None else Workers(app)
        self._graph = app.graph
        self._channel: Channel | None = None
        self._writer: BatchWriter | None = None
        self._timers: list[asyncio.Task[None]] = []
        self._runs = Runs(
            session_id,
            self.scheduler,
            self.store,
            self.outbound,
            self.components,
            self.threads,
            self.workers,
            self.gate,
            self._graph.dependents,
            limiters or {},
        )
        self._renders = Renders(app.functions, self.store, self.components, self._forget)
        self._runs.on_render = self._install_render
        self._files = Uploads(
            max_bytes=app.max_upload_bytes,
            prefix=f"reactive-{self.id[:8]}-",
            max_session_bytes=app.max_session_bytes,
            budget=app.upload_budget,
        )
        self._captures = Captures(
            self._graph.triggers,
            lambda component, value: self.store.set_from_page(component, value, None),
            lambda function: self._runs.submit(function, on_busy=OnBusy.QUEUE),
            self._clock,
            self._files.folder,
            app.max_upload_bytes,
            self.scheduler.cancel,
        )
        self._uploaded: dict[str, int] = {}  # per input, the upload that is its value now
        self.state = SessionState.NEW
        self._had_page = False  # an API call's session: no page closes, no unload runs

    @property
    def gate(self) -> Gate:
        """Open while the page keeps up (:attr:`flow` owns it)."""
        return self.flow.gate

    @property
    def closed(self) -> bool:
        return self.state is SessionState.CLOSED

    def _move(self, new: SessionState) -> None:
        self.state = check_move(self.id, self.state, new)

    @property
    def values(self) -> Mapping[str, Any]:
        """Each component's Python value (read-only; :attr:`store` owns every value)."""
        return self.store.python

    # ---------------------------------------------------------------- attach / detach

    async def attach(
        self, channel: Channel, *, resumed: bool, restored: bool = False, page: bool = True
    ) -> None:
        """Greet a page on ``channel`` and start sending it events.

        ``restored``: the values came from the session store (the page was loaded elsewhere),
        so its ``load`` functions do not run again; its ``every`` timers start here.
        ``page=False``: one HTTP or MCP call's session, which needs no welcome and runs no
        ``load`` or ``every`` functions.
        """
        first = self.state is SessionState.NEW and page
        self._had_page = self._had_page or page
        self._move(SessionState.ATTACHED)
        self._channel = channel
        if channel.request is not None:
            self._runs.request = channel.request
        self.outbound.reset_client()
        if resumed:
            self.outbound.replay_statuses()
        if page:
            greeting = welcome(
                self.id, resumed, self.app, self.components, self.store, self._renders.wire,
                self._runs.languages,
            )
            await channel.transport.send(channel.connection.send_welcome(greeting))
        writer = BatchWriter(
            self.outbound, self.store, self.gate, channel, self._sync_gate, self.stop_runs
        )
        writer.start()
        self._writer = writer
        self._sync_gate()
        if first:
            if not restored:
                self._fire(None, "load")
            else:  # a rendered layout lives in its process only: render it again here
                for function in self._graph.triggers.get((None, "load"), ()):
                    if any(isinstance(c, RenderSlot) for c in function.outputs):
                        self.submit(function)
            self._timers = [
                asyncio.get_running_loop().create_task(self._every(f))
                for f in self.app.functions
                if f.every is not None
            ]

    @property
    def channel(self) -> Channel | None:
        """The page's channel while one is attached."""
        return self._channel

    def detach(self) -> None:
        """The page went away: stop sending, and hold generators until it comes back."""
        if self.state is SessionState.ATTACHED:
            self._move(SessionState.DETACHED)
        self._channel = None
        self._captures.stop_all()  # a capture needs its page: the page's stream is over
        self.flow.pause()
        if self._writer is not None:
            self._writer.stop()
            self._writer = None

    def stop_runs(self) -> None:
        """Cancel every run (the page is gone); values stay, for a page that comes back."""
        self.scheduler.cancel_all()

    async def close(self) -> None:
        """End the session: cancel every run and timer, and remove its files."""
        if self.closed:
            return
        self.detach()
        self._move(SessionState.CLOSED)
        for timer in self._timers:
            timer.cancel()
        self.scheduler.cancel_all()
        self.flow.release()  # let paused producer threads see that they were stopped
        try:
            async with asyncio.timeout(CLOSE_TIMEOUT_SECONDS):
                await self.scheduler.wait_idle()  # cancelled runs wait for their threads
        except TimeoutError:
            log.warning(
                "Session %s closed with %d call(s) still running after %.0f s: %s. Sync code "
                "cannot be stopped from outside: check rx.cancelled() or call rx.checkpoint() "
                'in long loops, or use @app.fn(run_in="process") for calls that must stop.',
                self.id,
                self.threads.busy,
                CLOSE_TIMEOUT_SECONDS,
                ", ".join(self.threads.running()) or "none in threads",
            )
        await session_ended(
            self.app, self.id, self.store.python, self._runs.request, page=self._had_page
        )
        self._files.close()  # and its upload folder
        if self._owns_workers:
            await self.workers.close()

    # ---------------------------------------------------------------- inbound

    async def receive(self, data: bytes | str) -> None:
        """Feed one frame from the page; every error is answered, never raised.

        A protocol error gets its own code; any other exception (a bug, or a file system that
        refuses a file) is logged with its traceback and answered with ``server_error``, and
        the session goes on. Cancellation (``BaseException``) propagates.
        """
        rest = self.receive_now(data)
        if rest is not None:
            await rest

    def receive_now(self, data: bytes | str) -> Coroutine[Any, Any, None] | None:
        """:meth:`receive` without a coroutine for the frames handled at once (a keystroke, a
        click, an ack): None when done, else what is left to await (an upload, a call, a
        media input, an error answer), which the pump awaits before the next frame."""
        channel = self._channel
        if channel is None:
            return None
        component: str | None = None
        try:
            message = channel.connection.receive(data)
            component = getattr(message, "component", None)
            if component is not None and self._retired(component):
                return None  # the page has not drawn its slot's new render yet: nothing to do
            if isinstance(message, Upload | Call | StreamChunk) or (  # one check per keystroke
                isinstance(message, Input) and self._slow_input(message.component)
            ):
                return self._receive_later(channel, message)
            self.handle(message)
        except RemoteProtocolError as exc:
            return channel.reject(exc)
        except Exception as exc:  # a bug on one message must not drop the socket (cancel passes)
            return channel.fail(exc, component)
        return None

    async def _receive_later(self, channel: Channel, message: ClientMessage) -> None:
        """The frames that wait on something (a thread, a file): answered as :meth:`receive`."""
        component = getattr(message, "component", None)
        try:
            if isinstance(message, Upload):
                await self._on_upload(message)
            elif isinstance(message, StreamChunk):
                await self._captures.receive(message, self._input_target(message.component))
            elif isinstance(message, Call):
                await self.call(message)
            elif isinstance(message, Input):
                await self._on_file_input(self._input_target(message.component), message.value)
        except RemoteProtocolError as exc:
            await channel.reject(exc)
        except Exception as exc:  # a bug on one message must not drop the socket (cancel passes)
            await channel.fail(exc, component)

    def handle(self, message: ClientMessage) -> None:
        if isinstance(message, Input):
            self._on_input(message)
        elif isinstance(message, Trigger):
            self._on_trigger(message)
        elif isinstance(message, Cancel):
            if self._function(message.function) is None:
                raise RemoteProtocolError("unknown_function", f"No function {message.function!r}.")
            self.scheduler.cancel(message.function)
        elif isinstance(message, Ack):
            self._sync_gate()
        elif isinstance(message, Example):
            self._on_example(message)
        elif isinstance(message, StreamEnd):
            self._input_target(message.component)
            self._captures.end(message)
        elif isinstance(message, Hello):  # the connection refuses a second hello first
            raise RemoteProtocolError("bad_frame", "'hello' may only be sent once.")

    def _retired(self, component_id: str) -> bool:
        """A component of a render that another replaced (and is not in the new one)."""
        return component_id not in self.components and self._renders.retired(component_id)

    def _function(self, function_id: str) -> BoundFunction | None:
        """The app's function, or one a render made for this session."""
        return self.app.function(function_id) or self._renders.function(function_id)

    def _component(self, component_id: str) -> Component:
        component = self.components.get(component_id)
        if component is None or not component.on_page:
            raise RemoteProtocolError(
                "unknown_component", f"This app has no component {component_id!r}.", component_id
            )
        return component

    def _on_input(self, message: Input) -> None:
        component = self._input_target(message.component)
        try:
            value = self._preprocess(component, message.value)
        except InvalidValue as exc:
            raise RemoteProtocolError("bad_value", str(exc), message.component) from None
        derived = self._graph.input_events.get(component.id) if self._graph.input_events else None
        previous = self.store.shown(component.id)[1] if derived else None
        before = self.store.python.get(component.id) if derived else None
        self.store.set_from_page(component.id, value, message.value)
        self._fire(component.id, "change")
        if derived:
            self._fire_derived(component, derived, message.value, previous, before)

    def _fire_derived(
        self,
        component: Component,
        events: frozenset[str],
        wire: Any,
        previous: Any,
        before: Any = None,
    ) -> None:
        """``.upload`` / ``.clear`` / a choice's ``.select`` / a file's ``.delete``: started by
        the new value itself (``previous``: the page's value before, ``before``: its Python)."""
        for event, data in derived_events(component, events, wire, previous, before):
            self._fire(component.id, event, data=data)

    def _on_trigger(self, message: Trigger) -> None:
        component = self._component(message.component)
        try:
            data = component.trigger_data(message.event, message.data)
        except InvalidValue as exc:
            raise RemoteProtocolError("bad_value", str(exc), message.component) from None
        self._fire(message.component, message.event, data=data)

    def _on_example(self, message: Example) -> None:
        function = self.app.function(message.function)
        if function is None:
            raise RemoteProtocolError("unknown_function", f"No function {message.function!r}.")
        examples = function.examples
        if examples is None or message.index >= len(examples.wires):
            raise RemoteProtocolError(
                "bad_frame", f"{function.id!r} has no example {message.index}."
            )
        wires = examples.wires[message.index]
        values: list[Any] = []
        try:
            for column, wire in zip(examples.columns, wires, strict=True):
                component = self.components[column.id]
                # Media is decoded later, in a thread: never on the event loop.
                slow = component.slow_preprocess
                values.append(_DEFERRED if slow else self._preprocess(component, wire))
        except InvalidValue as exc:
            raise RemoteProtocolError("bad_value", str(exc)) from None
        fill = partial(self._fill, examples.columns, values, wires, function, examples.run_on_click)
        self.scheduler.submit(f"example:{function.id}", Submission(body=fill))

    async def _fill(
        self,
        columns: list[Component],
        values: list[Any],
        wires: list[Any],
        function: BoundFunction,
        run_function: bool,
        run: Run,
    ) -> None:
        """Put an example's values in the inputs, on the page too, under a run id of its own."""
        for index, (column, wire) in enumerate(zip(columns, wires, strict=True)):
            if values[index] is _DEFERRED:
                component = self.components[column.id]
                try:
                    values[index] = await asyncio.to_thread(self._preprocess, component, wire)
                except InvalidValue as exc:
                    log.warning("Example for %s() does not fit %r: %s", function.name, column, exc)
                    self.outbound.put_toast(run, Toast("error", str(exc), run.id))
                    return
        for column, value, wire in zip(columns, values, wires, strict=True):
            self.store.set_from_page(column.id, value, wire)
            self.outbound.put_event(("v", column.id), run, Update(column.id, run.id, wire))
        for column in columns:
            self._fire(column.id, "change", source=function if run_function else None)
        if run_function:
            self.submit(function)

    def _preprocess(self, component: Component, value: Any) -> Any:
        """A page value as the function receives it; files go to this session's folder."""
        if not component.saves_uploads:  # the per-keystroke path: nothing more to do
            return component.preprocess(value)
        with writing_to(self._files.folder()):
            return component.preprocess(value)

    # ---------------------------------------------------------------- files (audio, video)

    def _slow_input(self, component_id: str) -> bool:
        component = self.components.get(component_id)
        return component is not None and component.slow_preprocess

    def _input_target(self, component_id: str) -> Component:
        component = self._component(component_id)
        if not component.takes_page_input or component.interactive is False:
            raise RemoteProtocolError(
                "unknown_component",
                f"Component {component_id!r} does not take input from the page.",
                component_id,
            )
        return component

    async def _on_upload(self, message: Upload) -> None:
        component = self._input_target(message.component)
        if not component.accepts_upload:
            raise RemoteProtocolError(
                "bad_frame", f"Component {component.id!r} takes no file uploads.", component.id
            )
        stored = self._files.receive(message)
        if stored is None:
            return  # a part of an upload that was replaced or refused
        received, file = stored
        self.outbound.put_received(Received(component.id, message.upload, received))
        if file is not None:
            await self._on_file_input(component, file, {"mime": file.mime, "name": file.name})
            self._uploaded[component.id] = message.upload  # an API call may name it

    async def _on_file_input(self, component: Component, value: Any, shown: Any = None) -> None:
        """Set an input whose preprocess decodes media: in a thread, this page's frames waiting."""
        self._uploaded.pop(component.id, None)  # a new value: no longer the earlier upload's
        try:
            with writing_to(self._files.folder()):
                python_value = await asyncio.to_thread(component.preprocess, value)
        except InvalidValue as exc:
            raise RemoteProtocolError("bad_value", str(exc), component.id) from None
        if self.closed:
            return
        wire = value if shown is None else shown
        derived = self._graph.input_events.get(component.id)
        self.store.set_from_page(component.id, python_value, wire)
        self._fire(component.id, "change")
        if derived:
            self._fire_derived(component, derived, wire, None)

    # ---------------------------------------------------------------- API calls

    async def call(self, message: Call) -> Run | None:
        """Run one exposed function with the caller's arguments; answer with ``called``."""
        prepared = await calls.prepare(
            self.app.functions, message, self._preprocess_call, self._uploaded_value
        )
        if isinstance(prepared, Called):
            self.outbound.put_called(prepared)
            return None
        if self.closed:
            return None
        named = {index for index, _ in message.uploads}
        for index, (component, value, wire) in enumerate(prepared.values):
            if index not in named:
                self._uploaded.pop(component.id, None)
                self.store.set_from_page(component.id, value, wire)
        run = self.submit(prepared.function)
        if run is None:
            text = f"{prepared.function.id} is busy and ignores calls until its run ends."
            self.outbound.put_called(calls.refuse(message, "busy", text))
            return None
        self.outbound.put_called(Called(message.call, prepared.function.id, run.id))
        return run

    def _uploaded_value(self, component: Component, upload: int) -> tuple[Any, Any] | None:
        """The value upload ``upload`` gave ``component``, if it is still the input's value."""
        if self._uploaded.get(component.id) != upload:
            return None
        return self.store.python[component.id], self.store.shown(component.id)[1]

    async def _preprocess_call(self, component: Component, value: Any) -> Any:
        if not component.slow_preprocess:
            return self._preprocess(component, value)
        with writing_to(self._files.folder()):
            return await asyncio.to_thread(component.preprocess, value)

    # ---------------------------------------------------------------- running functions

    def _fire(
        self,
        component: str | None,
        event: str,
        source: BoundFunction | None = None,
        data: Any = None,
    ) -> None:
        for function in self._graph.triggers.get((component, event), ()):
            if function is source:
                continue
            if function.arguments is None:  # the common case: no event data to build
                self.submit(function)
            else:
                target = None if component is None else self._target(component)
                self.submit(function, Fired(target, event, data))

    def _target(self, component_id: str) -> Component | None:
        """The component an event came from (``evt.target``): the app's own object."""
        return self.app.components.get(component_id) or self.components.get(component_id)

    def _forget(self, function_id: str) -> None:
        """A rendered listener is gone with its render: its runs stop, its records go."""
        self.scheduler.forget(function_id)
        self.outbound.forget(function_id)

    def _install_render(self, function: BoundFunction, run: Run, rendered: Rendered) -> None:
        """A render function's run made a new sub-layout: it replaces the slot's previous one,
        for this session only; the page gets it as the slot's value."""
        self._graph = self._renders.install(rendered)
        self._runs.dependents = self._graph.dependents
        slot = rendered.slot
        wire = self._renders.wire(slot.id)
        self.outbound.put_value(PendingValue(slot, function.id, run, wire, ready=True))

    def submit(self, function: BoundFunction, fired: Fired | None = None) -> Run | None:
        """Schedule a call of ``function`` with the session's current input values."""
        return self._runs.submit(function, fired)

    async def _every(self, function: BoundFunction) -> None:
        assert function.every is not None
        while True:
            interval = self._interval(function)
            if interval is None:  # its gr.Timer is stopped: look again soon
                await self._clock.sleep(TIMER_POLL_SECONDS)
                continue
            await self._clock.sleep(interval)
            if self._interval(function) is None:
                continue  # stopped while it waited
            # No page, no periodic runs; a tick while the previous run is busy is skipped,
            # never cancelling it, so every result shows however slow the function is.
            if self._channel is not None and self.scheduler.active_run(function.id) is None:
                self.submit(function)

    def _interval(self, function: BoundFunction) -> float | None:
        """Seconds to the next tick: its gr.Timer's, as this session last set it (None: stopped)."""
        if function.timer is None:
            return function.every
        if not getattr(self.components[function.timer], "active", True):
            return None
        seconds = self.store.python.get(function.timer)
        return float(seconds) if isinstance(seconds, int | float) else function.every

    def run_changed(self, run: Run) -> None:
        """The scheduler's report of a run's new state: the page gets its status."""
        self._runs.changed(run)
        self._captures.run_changed(run)

    # ---------------------------------------------------------------- flow control

    def _sync_gate(self) -> None:
        self.flow.sync(self._channel)


# An example value whose preprocess decodes media: done in the fill run, in a worker thread.
_DEFERRED = object()

"""One browser session: its values, its runs, and the pump from results to batches.

The session joins the app's definitions, the scheduler and the outbound queue. It speaks to the
page through a :class:`Channel` (the sans-I/O connection plus a transport), so tests drive it
with an in-memory transport and no server.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from collections import defaultdict
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from reactive.app import App
from reactive.components import image as image_component
from reactive.components.base import Component
from reactive.errors import InvalidValue, OutputError, RemoteProtocolError, UserError
from reactive.graph import BoundFunction
from reactive.outbound import Outbound, PendingValue
from reactive.protocol.connection import ServerConnection
from reactive.protocol.messages import (
    Ack,
    Cancel,
    ClientMessage,
    Event,
    Hello,
    Input,
    Status,
    Trigger,
    Welcome,
)
from reactive.protocol.messages import (
    RunState as WireRunState,
)
from reactive.scheduler.clock import Clock, LoopClock
from reactive.scheduler.executor import ThreadBudget, execute
from reactive.scheduler.gate import Gate
from reactive.scheduler.runs import Run, RunState
from reactive.scheduler.scheduler import Scheduler, Submission

log = logging.getLogger("reactive")

# How long a closing session waits for its runs to finish being cancelled.
CLOSE_TIMEOUT_SECONDS = 5.0


class Transport(Protocol):
    """Where a session's bytes go: a WebSocket in the server, a list in tests."""

    async def send(self, data: bytes) -> None: ...

    async def close(self, code: int, reason: str = "") -> None: ...


class Channel:
    """One socket's protocol state and transport."""

    def __init__(self, transport: Transport, connection: ServerConnection | None = None) -> None:
        self.transport = transport
        self.connection = connection or ServerConnection()


def error_text(exc: BaseException) -> str:
    """What the page shows for an exception raised by app code."""
    if isinstance(exc, UserError | OutputError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class Session:
    """The server side of one page."""

    def __init__(self, app: App, session_id: str, *, clock: Clock | None = None) -> None:
        self.app = app
        self.id = session_id
        self._clock: Clock = clock or LoopClock()
        self.values: dict[str, Any] = {
            cid: c.initial_python_value() for cid, c in app.components.items()
        }
        self.outbound = Outbound()
        self.scheduler = Scheduler(self, self._clock)
        self.gate = Gate()
        self.threads = ThreadBudget(app.max_threads_per_session)
        self._bindings = _bindings(app)
        self._dependents = _live_dependents(app)
        self._channel: Channel | None = None
        self._writer: asyncio.Task[None] | None = None
        self._timers: list[asyncio.Task[None]] = []
        self._run_functions: dict[int, BoundFunction] = {}
        self._page_values: dict[str, Any] = {}  # values as the page itself set them
        self._upload_dir: Path | None = None
        self._started = False
        self.closed = False

    # ---------------------------------------------------------------- attach / detach

    async def attach(self, channel: Channel, *, resumed: bool) -> None:
        """Greet a page on ``channel`` and start sending it events."""
        self._channel = channel
        self.outbound.reset_client()
        welcome = Welcome(self.id, resumed, self._describe())
        await channel.transport.send(channel.connection.send_welcome(welcome))
        self._writer = asyncio.get_running_loop().create_task(self._write_loop(channel))
        self._sync_gate()
        if not self._started:
            self._started = True
            self._fire(None, "load")
            self._timers = [
                asyncio.get_running_loop().create_task(self._every(f))
                for f in self.app.functions
                if f.every is not None
            ]

    def detach(self) -> None:
        """The page went away: stop sending, and hold generators until it comes back."""
        self._channel = None
        self.gate.close()
        if self._writer is not None:
            self._writer.cancel()
            self._writer = None

    async def close(self) -> None:
        """End the session: cancel every run and timer, and remove its files."""
        if self.closed:
            return
        self.closed = True
        self.detach()
        for timer in self._timers:
            timer.cancel()
        self.scheduler.cancel_all()
        self.gate.open()  # let paused producer threads see that they were stopped
        try:
            async with asyncio.timeout(CLOSE_TIMEOUT_SECONDS):
                await self.scheduler.wait_idle()
                await self.threads.wait_idle()  # stopped generators close in their threads
        except TimeoutError:
            log.warning(
                "Session %s: %d worker thread(s) still running %.0fs after close; a sync "
                "function cannot be interrupted, so its result will be discarded.",
                self.id,
                self.threads.busy,
                CLOSE_TIMEOUT_SECONDS,
            )
        if self._upload_dir is not None:
            shutil.rmtree(self._upload_dir, ignore_errors=True)

    def _describe(self) -> dict[str, Any]:
        app = self.app.describe()
        for cid, spec in app["components"].items():
            if cid in self.outbound.display:
                spec["props"]["value"] = self.outbound.display[cid]
            elif cid in self._page_values:
                spec["props"]["value"] = self._page_values[cid]
        return app

    # ---------------------------------------------------------------- inbound

    async def receive(self, data: bytes) -> None:
        """Feed one frame from the page; protocol errors are answered, never raised."""
        channel = self._channel
        if channel is None:
            return
        try:
            self.handle(channel.connection.receive(data))
        except RemoteProtocolError as exc:
            await self.reject(channel, exc)

    @staticmethod
    async def reject(channel: Channel, exc: RemoteProtocolError) -> None:
        log.info("Bad frame from the page: %s", exc)
        await channel.transport.send(channel.connection.send_error(exc))
        if exc.close_code is not None:
            channel.connection.close()
            await channel.transport.close(exc.close_code, str(exc)[:120])

    def handle(self, message: ClientMessage) -> None:
        if isinstance(message, Input):
            self._on_input(message)
        elif isinstance(message, Trigger):
            self._on_trigger(message)
        elif isinstance(message, Cancel):
            if self.app.function(message.function) is None:
                raise RemoteProtocolError("unknown_function", f"No function {message.function!r}.")
            self.scheduler.cancel(message.function)
        elif isinstance(message, Ack):
            self._sync_gate()
        elif isinstance(message, Hello):  # the connection refuses a second hello first
            raise RemoteProtocolError("bad_frame", "'hello' may only be sent once.")

    def _component(self, component_id: str) -> Component:
        component = self.app.components.get(component_id)
        if component is None:
            raise RemoteProtocolError(
                "unknown_component", f"This app has no component {component_id!r}.", component_id
            )
        return component

    def _on_input(self, message: Input) -> None:
        component = self._component(message.component)
        if not component.accepts_input or component.interactive is False:
            raise RemoteProtocolError(
                "unknown_component",
                f"Component {message.component!r} does not take input from the page.",
                message.component,
            )
        token = image_component.upload_dir.set(self._uploads())
        try:
            value = component.preprocess(message.value)
        except InvalidValue as exc:
            raise RemoteProtocolError("bad_value", str(exc), message.component) from None
        finally:
            image_component.upload_dir.reset(token)
        self.values[component.id] = value
        self._page_values[component.id] = message.value
        self._fire(component.id, "change")

    def _on_trigger(self, message: Trigger) -> None:
        self._component(message.component)
        self._fire(message.component, message.event)

    def _uploads(self) -> Path | None:
        if self._upload_dir is None and any(
            isinstance(c, image_component.Image) and c.image_type == "filepath"
            for c in self.app.components.values()
        ):
            self._upload_dir = Path(tempfile.mkdtemp(prefix=f"reactive-{self.id[:8]}-"))
        return self._upload_dir

    # ---------------------------------------------------------------- running functions

    def _fire(self, component: str | None, event: str, source: BoundFunction | None = None) -> None:
        for function in self._bindings.get((component, event), ()):
            if function is not source:
                self.submit(function)

    def submit(self, function: BoundFunction) -> Run | None:
        """Schedule a call of ``function`` with the session's current input values."""
        args = tuple(self.values[c.id] for c in function.inputs)
        submission = Submission(
            body=partial(self._run_body, function, args),
            on_busy=function.on_busy,
            debounce=function.debounce,
            limiter=function.limiter,
        )
        run = self.scheduler.submit(function.id, submission)
        if run is not None:
            self._run_functions[run.id] = function
        return run

    async def _run_body(self, function: BoundFunction, args: tuple[Any, ...], run: Run) -> None:
        try:
            await execute(
                function.fn,
                args,
                partial(self._emit, function, run),
                threads=self.threads,
                gate=self.gate,
                conflate=function.conflates,
            )
        except Exception:
            log.exception("Error in %s() (session %s, run %d)", function.name, self.id, run.id)
            raise

    async def _emit(self, function: BoundFunction, run: Run, value: Any) -> None:
        if run.state is not RunState.RUNNING:
            return  # a superseded run's late result: never shown
        for component, part in zip(function.outputs, function.split(value), strict=True):
            if component.heavy_postprocess:
                component.check_output(part)
                item = PendingValue(component, function.id, run.id, part, ready=False)
            else:
                item = PendingValue(
                    component, function.id, run.id, component.postprocess(part), True
                )
            self.values[component.id] = part
            self.outbound.put_value(item)
            for dependent in self._dependents.get(component.id, ()):
                if dependent is not function:
                    self.submit(dependent)

    async def _every(self, function: BoundFunction) -> None:
        assert function.every is not None
        while True:
            await self._clock.sleep(function.every)
            self.submit(function)

    # ---------------------------------------------------------------- run states → statuses

    def run_changed(self, run: Run) -> None:
        function = self._run_functions.get(run.id)
        if function is None:
            return
        if run.state is RunState.CANCELLED:
            self.outbound.drop_run(run.id)
        if run.state.finished:
            del self._run_functions[run.id]
        status = self._status(function, run)
        if status is not None:
            self.outbound.put_status(status)

    @staticmethod
    def _status(function: BoundFunction, run: Run) -> Status | None:
        state: WireRunState
        if run.state is RunState.QUEUED:
            return Status(function.id, run.id, "queued", position=run.position)
        if run.state is RunState.RUNNING:
            state = "running"
        elif run.state is RunState.DONE:
            state = "done"
        elif run.state is RunState.ERROR:
            message = error_text(run.error) if run.error else "Error"
            return Status(function.id, run.id, "error", message=message)
        elif run.state is RunState.CANCELLED and run.was_visible:
            state = "cancelled"
        else:
            return None
        return Status(function.id, run.id, state)

    # ---------------------------------------------------------------- the writer

    def _sync_gate(self) -> None:
        channel = self._channel
        if channel is not None and channel.connection.window_open:
            self.gate.open()
        else:
            self.gate.close()

    async def _write_loop(self, channel: Channel) -> None:
        while True:
            await self.outbound.wait()
            await self.gate.wait()
            events = await self._prepare(self.outbound.take())
            if not events:
                continue
            await channel.transport.send(channel.connection.send_batch(events))
            self._sync_gate()

    async def _prepare(self, items: list[PendingValue | Status]) -> list[Event]:
        heavy = [i for i in items if isinstance(i, PendingValue) and not i.ready]
        if heavy:
            await asyncio.gather(*(self._postprocess_in_thread(i) for i in heavy))
        events: list[Event] = []
        for item in items:
            if isinstance(item, Status):
                events.append(item)
            elif item.ready and not self.outbound.is_stale(item.run):
                event = self.outbound.to_event(item)
                if event is not None:
                    events.append(event)
        return events

    async def _postprocess_in_thread(self, item: PendingValue) -> None:
        try:
            item.value = await asyncio.to_thread(item.component.postprocess, item.value)
            item.ready = True
        except OutputError as exc:
            log.warning("Cannot show result of run %d in %r: %s", item.run, item.component, exc)
            self.outbound.put_status(Status(item.function, item.run, "error", message=str(exc)))


def _bindings(app: App) -> dict[tuple[str | None, str], list[BoundFunction]]:
    index: dict[tuple[str | None, str], list[BoundFunction]] = defaultdict(list)
    for function in app.functions:
        for trigger in function.triggers:
            index[(trigger.component, trigger.event)].append(function)
    return dict(index)


def _live_dependents(app: App) -> dict[str, list[BoundFunction]]:
    """Functions rerun when a component changes because another function wrote to it."""
    index: dict[str, list[BoundFunction]] = defaultdict(list)
    for function in app.functions:
        for trigger in function.triggers:
            if trigger.event == "change" and trigger.component is not None:
                index[trigger.component].append(function)
    return dict(index)

"""A session's runs: submit a bound function, emit its results, report its statuses.

Every call of a bound function goes through here: its arguments are the session's current values,
each result it emits becomes the outputs' new values (queued for the page, streamed for media,
or new properties for ``rx.update``), live dependents of a changed output are submitted in turn,
and each change of a run's state becomes the status the page shows (:func:`status_of`, the table).
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from reactive import runcontext
from reactive.components.base import Component
from reactive.definition import i18n
from reactive.definition.arguments import Fired
from reactive.definition.component_props import ComponentProps, changes_of
from reactive.definition.event_data import RequestInfo
from reactive.definition.graph import BoundFunction
from reactive.definition.render import Rendered
from reactive.definition.update import PropUpdate
from reactive.errors import OutputError, UserError
from reactive.protocol.messages import Progress, Props, Status, Toast, ToastLevel
from reactive.protocol.messages import RunState as WireRunState
from reactive.scheduler.cancel import current_token
from reactive.scheduler.executor import execute, kind_of, label_of
from reactive.scheduler.gate import Gate
from reactive.scheduler.limiter import Slots
from reactive.scheduler.policy import OnBusy
from reactive.scheduler.runs import Run, RunState
from reactive.scheduler.scheduler import Ended, Scheduler, Submission
from reactive.scheduler.threads import Outcome, ThreadBudget
from reactive.session.outbound import Outbound, PendingValue
from reactive.session.streams import Streams
from reactive.session.values import Values
from reactive.session.workers import Workers

log = logging.getLogger("reactive")


def error_text(exc: BaseException, show_error: bool = True, name: str = "the function") -> str:
    """What the page shows for an exception raised by app code.

    ``rx.Error`` and output errors as written; any other exception as ``Type: message`` only
    with ``show_error``, else a generic message (its details may be private; they are logged).
    """
    if isinstance(exc, UserError | OutputError):
        return str(exc)
    if not show_error:
        return f"Error in {name}(). The server log has the details."
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class Runs:
    """The runs of one session's bound functions, from submission to their last status."""

    def __init__(
        self,
        session_id: str,
        scheduler: Scheduler,
        store: Values,
        outbound: Outbound,
        components: dict[str, Component],
        threads: ThreadBudget,
        workers: Workers,
        gate: Gate,
        dependents: Mapping[str, Sequence[BoundFunction]],
        limiters: Mapping[str, Slots],
    ) -> None:
        self._session_id = session_id
        self._scheduler = scheduler
        self._store = store
        self._outbound = outbound
        self._components = components  # the session's own view: rx.update replaces one here
        self._threads = threads
        self._workers = workers
        self._gate = gate
        #: Functions rerun when a component changes (the session's graph: a render adds some).
        self.dependents = dependents
        #: Installs a render function's result (the session sets it).
        self.on_render: Callable[[BoundFunction, Run, Rendered], None] | None = None
        self._limiters = limiters  # limits shared across processes, by function id
        self._streams = Streams(outbound, gate)
        # The function whose runs a scheduler key names (set before its first submit: a run
        # that starts at once reports "running" from inside the scheduler's submit).
        self._functions: dict[str, BoundFunction] = {}
        self._fired: dict[int, Fired] = {}  # the trigger of runs whose chain passes it on
        self._shapes: dict[str, str] = {}  # by function id: see _shape
        self._labels: dict[str, str] = {}  # by function id: how a running call is named
        self._request = RequestInfo()
        self._languages: tuple[str, ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        """The page's languages, most wanted first (its ``Accept-Language``)."""
        return self._languages

    @property
    def request(self) -> RequestInfo:
        """The page's request, for functions that ask for ``gr.Request``."""
        return self._request

    @request.setter
    def request(self, request: RequestInfo) -> None:
        self._request = request  # its languages parsed once, not at every run
        self._languages = i18n.languages_of(request.headers.get("accept-language"))

    def submit(
        self, function: BoundFunction, fired: Fired | None = None, on_busy: OnBusy | None = None
    ) -> Run | None:
        """Schedule a call of ``function`` with the session's current input values.

        ``on_busy`` overrides the function's own policy (a streaming input queues its chunks).
        """
        for key in function.cancels:
            self._scheduler.cancel(key)
        inputs, store = function.inputs, self._store
        args = store.wire_args(inputs) if function.raw_inputs else store.args(inputs)
        if function.gradio_inputs and not function.raw_inputs:
            args = tuple(c.gradio_value(a) for c, a in zip(inputs, args, strict=True))
        if function.arguments is not None:
            args = function.arguments.build(
                args, fired, self.request, self._session_id, self._components
            )
        shape = self._shape(function)
        body = self._async_body if shape == "async" else self._body
        submission = Submission(
            body=partial(body, function, args),
            on_busy=function.on_busy if on_busy is None else on_busy,
            debounce=function.debounce,
            limiter=self._limiters.get(function.id, function.limiter),
            start=partial(self._start_now, function, args) if shape == "thread" else None,
            when_free=self._threads.when_free,
        )
        self._functions[function.id] = function
        run = self._scheduler.submit(function.id, submission)
        if run is not None and function.chain and fired is not None:
            self._fired[run.id] = fired
        return run

    def changed(self, run: Run) -> None:
        """A run changed state: drop a cancelled run's events, queue its status for the page."""
        function = self._functions.get(run.key)
        if function is None:
            return
        if run.state is RunState.CANCELLED:
            self._outbound.drop_run(run)
        status = status_of(function, run)
        if status is not None:
            # A superseded run's "cancelled" waits for the next batch, where its successor's
            # status replaces it: one batch a keystroke, not one for each of the two runs.
            self._outbound.put_status(status, wake=not run.superseded)
        if run.state.finished and function.chain:
            self._follow(function, run, self._fired.pop(run.id, None))

    def _follow(self, function: BoundFunction, run: Run, fired: Fired | None) -> None:
        """``.then`` / ``.success`` / ``.failure``: a cancelled (superseded) run ends its chain."""
        if run.state is RunState.CANCELLED:
            return
        ok = run.state is RunState.DONE
        for kind, follower in function.chain:
            if kind == "then" or (kind == "success") == ok:
                self.submit(follower, fired)

    def _shape(self, function: BoundFunction) -> str:
        """How runs of ``function`` go (remembered by function id):

        - ``"thread"``: a plain sync function none of whose outputs streams: started without
          a task (:meth:`_start_now`), its result shown by a callback;
        - ``"async"``: the same for an ``async def``: its task awaits it and shows its result,
          with no executor, emit or stream layers;
        - ``"general"``: anything else (generators, processes, streaming outputs).
        """
        shape = self._shapes.get(function.id)
        if shape is None:
            kind = kind_of(function.fn)
            plain = function.run_in != "process" and not any(o.streams for o in function.outputs)
            shape = (
                "thread"
                if plain and kind == "sync"
                else "async"
                if plain and kind == "async"
                else "general"
            )
            self._shapes[function.id] = shape
        return shape

    def _start_now(
        self, function: BoundFunction, args: tuple[Any, ...], run: Run, ended: Ended
    ) -> bool:
        """:meth:`_body` for a ``"thread"`` function, with no task: its thread's outcome is
        shown (and the run ended) by a callback. False when no thread of the budget is free."""
        context = contextvars.copy_context()
        context.run(self._enter, function, run)
        deliver = partial(self._returned, function, run, ended)
        work = partial(function.fn, *args)
        label = self._labels.get(function.id)
        if label is None:
            label = self._labels[function.id] = label_of(function.fn)
        return self._threads.start_now(work, label, context, deliver, function.id)

    def _enter(self, function: BoundFunction, run: Run) -> None:
        """In the run's context: what code running for it reads (progress, texts, its stop)."""
        runcontext.current.set(self._context(function, run))
        i18n.page_languages.set(self.languages)  # gr.I18n texts asked for while it runs
        current_token.set(run.token)

    def _returned(self, function: BoundFunction, run: Run, ended: Ended, outcome: Outcome) -> None:
        ok, value = outcome
        if ok and run.state is RunState.RUNNING:
            try:
                self._emit_now(function, run, value)
            except Exception as exc:
                ok, value = False, exc
        if ok or run.state.finished:  # a superseded run's outcome, even an error: not shown
            ended(None)
            return
        self._log_failure(function, run, value)
        ended(value)

    def _log_failure(self, function: BoundFunction, run: Run, exc: BaseException) -> None:
        if isinstance(exc, UserError):  # rx.Error / gr.Error: a message for the page, not a bug
            log.warning(
                "%s() raised rx.Error: %s (session %s, run %d)",
                function.name, exc, self._session_id, run.id,
            )  # fmt: skip
        else:
            log.error(
                "Error in %s() (session %s, run %d)", function.name, self._session_id, run.id,
                exc_info=exc,
            )  # fmt: skip

    async def _async_body(self, function: BoundFunction, args: tuple[Any, ...], run: Run) -> None:
        """:meth:`_body` for an ``"async"`` function: awaited here, its result shown at once."""
        self._enter(function, run)  # the run's own task context
        try:
            value = await function.fn(*args)
            if run.state is RunState.RUNNING:
                self._emit_now(function, run, value)
        except Exception as exc:
            self._log_failure(function, run, exc)
            raise

    async def _body(self, function: BoundFunction, args: tuple[Any, ...], run: Run) -> None:
        runcontext.current.set(self._context(function, run))  # the run's own task context
        i18n.page_languages.set(self.languages)  # gr.I18n texts asked for while it runs
        try:
            await execute(
                function.fn,
                args,
                partial(self._emit, function, run),
                threads=self._threads,
                gate=self._gate,
                conflate=function.conflates,
                process=await self._workers.target(function),
                token=run.token,
            )
            await self._streams.finish(run)
        except asyncio.CancelledError:
            await self._streams.abort(run, failed=False)
            raise
        except Exception as exc:
            self._log_failure(function, run, exc)
            await self._streams.abort(run, failed=True)
            raise

    def _context(self, function: BoundFunction, run: Run) -> runcontext.RunContext:
        def on_progress(report: runcontext.ProgressReport, eta: float | None) -> None:
            if run.state is RunState.RUNNING:
                event = Progress(
                    function.id, run.id, report.fraction, report.message, report.index,
                    report.total, report.unit, eta,
                )  # fmt: skip
                self._outbound.put_event(("g", function.id), run, event)

        def on_toast(level: ToastLevel, message: str, duration: float | None) -> None:
            if not run.state.finished:
                self._outbound.put_toast(run, Toast(level, message, run.id, duration))

        return runcontext.RunContext(
            asyncio.get_running_loop(), on_progress, on_toast, self._session_id
        )

    async def _emit(self, function: BoundFunction, run: Run, value: Any) -> None:
        if run.state is not RunState.RUNNING:
            return  # a superseded run's late result: never shown
        for output, part in zip(function.outputs, function.split(value), strict=True):
            if self._streams.takes(run, output, part):  # media: in order, never conflated
                self._store.set_result(output.id, part)
                await self._streams.put(run, self._components[output.id], part)
            else:
                self._emit_part(function, run, output, part)

    def _emit_now(self, function: BoundFunction, run: Run, value: Any) -> None:
        """:meth:`_emit` for a function none of whose outputs streams: nothing to await."""
        for output, part in zip(function.outputs, function.split(value), strict=True):
            self._emit_part(function, run, output, part)

    def _emit_part(self, function: BoundFunction, run: Run, output: Component, part: Any) -> None:
        if isinstance(part, Rendered) and self.on_render is not None:
            self.on_render(function, run, part)
        elif self._put_output(function, run, self._components[output.id], part):
            for dependent in self.dependents.get(output.id, ()):
                if dependent is not function:
                    self.submit(dependent)

    def _put_output(
        self, function: BoundFunction, run: Run, component: Component, part: Any
    ) -> bool:
        """Queue one output's new value (or properties); True when its value changed."""
        if isinstance(part, dict) and part.get("__type__") == "update":  # Gradio's dict form
            part = PropUpdate({k: v for k, v in part.items() if k != "__type__"})
        elif isinstance(part, Component):  # Gradio's `return gr.Textbox(visible=False)`
            part = PropUpdate(part.given_props())
        elif isinstance(part, ComponentProps):  # `def f(x: gr.Number)` returning x changed
            part = PropUpdate(changes_of(component, part))
        if isinstance(part, PropUpdate):
            component = self._update_props(component, run, part)
            if part.has_value:
                part = part.props["value"]
            elif set(part.props) & component.value_props:  # the same value, drawn anew
                part = self._store.python.get(component.id)
                if part is None:
                    return False
                self._outbound.put_value(
                    PendingValue(component, function.id, run, component.postprocess(part), True)
                )
                return False
            else:
                return False
        if not component.on_page:  # rx.State: the session keeps it, the page never sees it
            self._store.set_result(component.id, part)
            return True
        if component.heavy_postprocess:
            component.check_output(part)
            item = PendingValue(component, function.id, run, part, ready=False)
        else:
            item = PendingValue(component, function.id, run, component.postprocess(part), True)
        self._store.set_result(component.id, component.as_input(part))
        self._outbound.put_value(item)
        return True

    def _update_props(self, component: Component, run: Run, update: PropUpdate) -> Component:
        """Apply ``rx.update(...)`` for this session; send the new properties to the page."""
        changed = component.with_props(update.props)  # unknown names raise OutputError
        names = set(update.props) - {"value"}
        if names:  # an off-page component (a gr.Timer's active) changes for this session too
            self._components[component.id] = changed
        if names and component.on_page:
            props = Props(component.id, run.id, changed.wire_props(names))
            self._outbound.put_event(("p", component.id), run, props)
        return changed


def status_of(function: BoundFunction, run: Run) -> Status | None:
    """The status the page shows for ``run`` of ``function``, or None for none (the table)."""
    state: WireRunState
    if run.state is RunState.QUEUED:
        return Status(function.id, run.id, "queued", position=run.position)
    if run.state is RunState.RUNNING:
        state = "running"
    elif run.state is RunState.DONE:
        state = "done"
    elif run.state is RunState.ERROR:
        message = error_text(run.error, function.show_error, function.id) if run.error else "Error"
        return Status(function.id, run.id, "error", message=message)
    elif run.state is RunState.CANCELLED and run.was_visible:
        state = "cancelled"
    else:
        return None
    return Status(function.id, run.id, state)

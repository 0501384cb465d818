"""The app's graph: bound functions, what triggers them, and how their results map to outputs."""

from __future__ import annotations

import inspect
import logging
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from reactive.components.base import Component
from reactive.errors import DefinitionError, OutputError
from reactive.scheduler.executor import kind_of
from reactive.scheduler.limiter import Limiter
from reactive.scheduler.policy import OnBusy

log = logging.getLogger("reactive")

if TYPE_CHECKING:
    from reactive.definition.arguments import ArgumentPlan
    from reactive.definition.examples import Examples

EventName = Literal[
    "change", "click", "submit", "load", "input", "select", "upload", "clear", "release",
    "focus", "blur", "like", "edit", "stream", "option_select", "example_select", "apply",
    "double_click", "preview_open", "preview_close", "keypress", "key_up", "play", "pause",
    "stop", "end", "start_recording", "pause_recording", "stop_recording", "delete", "copy",
]  # fmt: skip
#: Events the page sends as ``trigger`` messages (the others follow from inputs and runs).
PAGE_EVENTS = frozenset({
    "click", "submit", "select", "release", "focus", "blur", "like", "edit",
    "option_select", "example_select", "double_click", "preview_open", "preview_close", "keypress",
    "key_up", "play", "pause", "stop", "end", "start_recording", "pause_recording",
    "stop_recording", "copy",
})  # fmt: skip
#: Events the session derives from a new input value (a file in or out, a choice picked).
INPUT_EVENTS = frozenset({"upload", "clear", "select", "apply", "delete"})
ChainKind = Literal["then", "success", "failure"]
RunIn = Literal["thread", "process"]


def check_run_in(fn: Callable[..., Any], run_in: str) -> RunIn:
    """``run_in`` checked against what a worker process can run, with a clear error."""
    name = getattr(fn, "__qualname__", repr(fn))
    if run_in == "thread":
        return "thread"
    if run_in != "process":
        raise DefinitionError(
            f"@app.fn for {name}(): run_in must be 'thread' or 'process', got {run_in!r}."
        )
    if kind_of(fn) not in ("sync", "gen"):
        raise DefinitionError(
            f"@app.fn for {name}(): run_in='process' runs sync functions and generators; "
            f"async code stops at its next await anyway, so leave run_in out."
        )
    if "<" in name or not getattr(fn, "__module__", None):
        raise DefinitionError(
            f"@app.fn for {name}(): run_in='process' needs a function defined at the top level "
            f"of a module, so a worker process can import it; move it out of the function or "
            f"class it is defined in."
        )
    return "process"


def check_streaming(
    bound: BoundFunction, stream_every: float | None, time_limit: float | None
) -> None:
    """``stream_every`` / ``time_limit`` set on a function with a streaming input, else refused."""
    for component in bound.inputs:
        if component.type == "video" and getattr(component, "streaming", False):
            raise DefinitionError(
                f"@app.fn for {bound.name}(): rx.Video(streaming=True) streams outputs only; "
                f"for a live webcam input use rx.Image(sources=['webcam'], streaming=True)."
            )
    if not any(t.event == "stream" for t in bound.triggers):
        given = {"stream_every": stream_every, "time_limit": time_limit}
        named = [name for name, value in given.items() if value is not None]
        if named:
            raise DefinitionError(
                f"@app.fn for {bound.name}(): {' and '.join(named)} need a streaming input, "
                f"rx.Audio(sources=['microphone'], streaming=True) or "
                f"rx.Image(sources=['webcam'], streaming=True)."
            )
        return
    for name, value in (("stream_every", stream_every), ("time_limit", time_limit)):
        if value is not None and not value > 0:
            raise DefinitionError(
                f"@app.fn for {bound.name}(): {name} must be a positive number of seconds, "
                f"got {value!r}."
            )
    bound.stream_every = stream_every if stream_every is not None else DEFAULT_STREAM_EVERY
    bound.time_limit = time_limit


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    component: str | None  # None for "load"
    event: EventName


@dataclass(eq=False, slots=True)
class BoundFunction:
    """A user function bound to its inputs, outputs and triggers."""

    id: str
    fn: Callable[..., Any]
    inputs: list[Component]
    outputs: list[Component]
    triggers: list[TriggerSpec]
    on_busy: OnBusy
    debounce: float
    limiter: Limiter | None
    every: float | None
    #: "global": ``limiter``'s limit holds across every process sharing the app's session store.
    concurrency_scope: str = "process"
    show_error: bool = False
    examples: Examples | None = None
    run_in: RunIn = "thread"
    #: Listed for the Python client, the HTTP API and MCP (``api_name=False`` hides it).
    api: bool = True
    #: A function with a ``"stream"`` trigger: seconds of input per chunk, and the longest
    #: stream (None: no limit).
    stream_every: float | None = None
    time_limit: float | None = None
    #: How parameters are filled besides one input each (event data, a dict of inputs).
    arguments: ArgumentPlan | None = None
    #: Functions started when a run ends: ``then`` always, ``success`` / ``failure`` by outcome.
    chain: list[tuple[ChainKind, BoundFunction]] = field(default_factory=list)
    #: Functions whose runs a trigger of this one cancels (``cancels=``).
    cancels: tuple[str, ...] = ()
    #: JavaScript the page runs on a trigger instead of the server's trigger (``js=``).
    js: str | None = None
    #: ``js=`` beside a Python ``fn`` (Gradio's order): the page runs the JavaScript with the
    #: inputs' values and calls ``fn`` with what it returns (a ``call`` message, as the API).
    js_feeds_fn: bool = False
    #: The page shows its runs' queued / running state and progress (``show_progress``).
    shows_progress: bool = True
    #: The ``gr.Timer`` whose session copy (``active``, interval) paces ``every``, if any.
    timer: str | None = None
    #: Gradio's ``preprocess=False``: the inputs' values as the page holds them (wire form).
    raw_inputs: bool = False
    #: A Gradio listener: inputs whose Gradio form differs from reactive's are given in Gradio's
    #: (``Component.gradio_value``: a Chatbot's history as Gradio 6's list of parts).
    gradio_inputs: bool = False
    #: Whether the "too many values returned" warning was logged (once per function).
    _warned_extra: bool = field(default=False, repr=False)

    @property
    def kind(self) -> str:
        return kind_of(self.fn)

    @property
    def name(self) -> str:
        return getattr(self.fn, "__qualname__", self.id)

    @property
    def conflates(self) -> bool:
        """Every output grows (text, a chat), so its newest value carries all the earlier ones:
        a generator's worker thread may hand over only its newest value.

        Otherwise (images, media streams, ...) every value is handed over, in order.
        """
        return bool(self.outputs) and all(c.grows and not c.streams for c in self.outputs)

    def split(self, value: Any) -> list[Any]:
        """One value per output, from a plain value (one output) or a tuple (several)."""
        count = len(self.outputs)
        if count == 0:
            return []
        if isinstance(value, dict) and value and all(_output_key(k) is not None for k in value):
            return self._split_dict({_output_key(k): v for k, v in value.items()})
        if count == 1:
            return [value]
        if isinstance(value, tuple | list) and len(value) > count:  # Gradio drops the extra
            self._warn_extra(len(value))
            return list(value[:count])
        if not isinstance(value, tuple | list) or len(value) != count:
            got = f"{len(value)} values" if isinstance(value, tuple | list) else "one value"
            raise OutputError(
                f"{self.name}() returned {got} but has {count} outputs: "
                f"return (or yield) a tuple of {count}."
            )
        return list(value)

    def _warn_extra(self, returned: int) -> None:
        """Log, once per function, that values past its outputs are dropped (as Gradio does)."""
        if self._warned_extra:
            return
        self._warned_extra = True
        log.warning(
            "%s() returned %d values for %d outputs: the extra ones are ignored.",
            self.name, returned, len(self.outputs),
        )  # fmt: skip

    def _split_dict(self, value: dict[Component | None, Any]) -> list[Any]:
        """A dict keyed by output components (Gradio's form): the others stay as they are."""
        from reactive.definition.update import PropUpdate

        unknown = [k for k in value if k not in self.outputs]
        if unknown:
            raise OutputError(
                f"{self.name}() returned a value for {unknown[0]!r}, which is not one of its "
                f"outputs: list it in outputs=."
            )
        return [value.get(output, PropUpdate({})) for output in self.outputs]

    def describe(self) -> dict[str, Any]:
        spec: dict[str, Any] = {
            "id": self.id,
            "inputs": [c.id for c in self.inputs if c.on_page],
            "outputs": [c.id for c in self.outputs if c.on_page],
        }
        if self.examples is not None:
            spec["examples"] = self.examples.describe()
        if not self.api:
            spec["api"] = False
        if self.stream_every is not None:
            spec["stream"] = {"every": self.stream_every, "limit": self.time_limit}
        if not self.shows_progress:
            spec["progress"] = False
        if self.js is not None:
            spec["js"] = self.js
            spec["triggers"] = [[t.component, t.event] for t in self.triggers]
        if self.js_feeds_fn:
            spec["call"] = True
        return spec

    @property
    def api_inputs(self) -> list[Component]:
        """The inputs an API call passes (state that is never on the page stays the session's)."""
        return [c for c in self.inputs if c.on_page]


def _output_key(key: object) -> Component | None:
    """A key of a dict result: an output component, or a layout block standing as one."""
    if isinstance(key, Component):
        return key
    output = getattr(key, "output", None)
    return output if isinstance(output, Component) else None


def as_component_list(
    value: Component | Sequence[Component] | None, what: str, fn_name: str
) -> list[Component]:
    """Normalise ``inputs=`` / ``outputs=``: one component, a list, or None (no components)."""
    if value is None:
        return []
    items: list[object] = list(value) if isinstance(value, list | tuple) else [value]
    for item in items:
        if not isinstance(item, Component):
            raise DefinitionError(
                f"@app.fn for {fn_name}(): {what} must be reactive components "
                f"(rx.Textbox(), rx.Image(), ...), got {item!r}."
            )
    return [item for item in items if isinstance(item, Component)]


def check_arity(fn: Callable[..., Any], count: int) -> None:
    """Raise DefinitionError unless ``fn`` can be called with ``count`` positional arguments."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return  # builtins without a signature: trust the caller
    try:
        signature.bind(*range(count))
    except TypeError:
        params = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
        raise DefinitionError(
            f"{getattr(fn, '__qualname__', fn)}() takes {len(params)} parameter(s) "
            f"({', '.join(p.name for p in params) or 'none'}) but inputs= lists {count} "
            f"component(s): give one input component per parameter."
        ) from None


def parameter_names(fn: Callable[..., Any], count: int) -> list[str | None]:
    """The names of the first ``count`` parameters (None where they cannot be known)."""
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        params = []
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    names: list[str | None] = [p.name for p in params if p.kind in positional]
    names = names[:count]
    return names + [None] * (count - len(names))


def trigger_index(
    functions: list[BoundFunction],
) -> dict[tuple[str | None, str], list[BoundFunction]]:
    """The functions each (component, event) starts; ``(None, "load")`` for page load."""
    index: dict[tuple[str | None, str], list[BoundFunction]] = defaultdict(list)
    for function in functions:
        if function.js is not None:
            continue  # the page runs it; the server is never asked
        for trigger in function.triggers:
            # "input" is a change made by the user: the page's input message, not a run's output.
            event = "change" if trigger.event == "input" else trigger.event
            index[(trigger.component, event)].append(function)
    return dict(index)


def live_dependents(functions: list[BoundFunction]) -> dict[str, list[BoundFunction]]:
    """Functions rerun when a component changes because another function wrote to it."""
    index: dict[str, list[BoundFunction]] = defaultdict(list)
    for function in functions:
        if function.js is not None:
            continue  # the page runs its JavaScript on the new value (and calls fn, if any)
        for trigger in function.triggers:
            if trigger.event == "change" and trigger.component is not None:
                index[trigger.component].append(function)
    return dict(index)


def stream_settings(
    functions: Sequence[BoundFunction], component_id: str
) -> tuple[float, float | None] | None:
    """How often a streaming input sends a chunk and for how long at most: the shortest
    ``stream_every`` and ``time_limit`` of the functions streaming on it (None: none)."""
    streaming = [f for f in functions if TriggerSpec(component_id, "stream") in f.triggers]
    if not streaming:
        return None
    every = min(f.stream_every or DEFAULT_STREAM_EVERY for f in streaming)
    limits = [f.time_limit for f in streaming if f.time_limit is not None]
    return every, (min(limits) if limits else None)


DEFAULT_STREAM_EVERY = 0.5  # seconds, as in Gradio


@dataclass(frozen=True, slots=True)
class Graph:
    """What every session reads of its app, built once: the functions each (component, event)
    starts, and the functions rerun when another function writes to a component."""

    triggers: Mapping[tuple[str | None, str], tuple[BoundFunction, ...]]
    dependents: Mapping[str, tuple[BoundFunction, ...]]
    #: The events a new input value of a component may start (``upload``, ``clear``, ...).
    input_events: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, functions: list[BoundFunction]) -> Graph:
        triggers = {key: tuple(fs) for key, fs in trigger_index(functions).items()}
        dependents = {key: tuple(fs) for key, fs in live_dependents(functions).items()}
        derived: dict[str, set[str]] = defaultdict(set)
        for component, event in triggers:
            if component is not None and event in INPUT_EVENTS:
                derived[component].add(event)
        input_events = {c: frozenset(events) for c, events in derived.items()}
        return cls(
            MappingProxyType(triggers), MappingProxyType(dependents), MappingProxyType(input_events)
        )


def page_events(
    functions: Sequence[BoundFunction], components: Mapping[str, Component]
) -> dict[str, list[str]]:
    """The events the page must send for these listeners (focus, release, like, ...), per
    component; a choice's select follows from the value the page sends anyway."""
    from reactive.definition.derived import derives_select

    listened: dict[str, list[str]] = {}
    for function in functions:
        for trigger in function.triggers:
            cid, event = trigger.component, trigger.event
            if cid is None or event not in PAGE_EVENTS or event in ("click", "submit"):
                continue
            component = components.get(cid)
            if component is None or (event == "select" and derives_select(component)):
                continue
            if event not in listened.setdefault(cid, []):
                listened[cid].append(event)
    return listened


def output_label(index: int, count: int) -> str:
    """Gradio's label for an unlabelled output: "output", or "output 0", "output 1", ..."""
    return "output" if count == 1 else f"output {index}"

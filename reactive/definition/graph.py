"""The app's graph: bound functions, what triggers them, and how their results map to outputs."""

from __future__ import annotations

import inspect
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from reactive.components.base import Component
from reactive.errors import DefinitionError, OutputError
from reactive.scheduler.executor import kind_of
from reactive.scheduler.limiter import Limiter
from reactive.scheduler.policy import OnBusy

if TYPE_CHECKING:
    from reactive.definition.examples import Examples

EventName = Literal["change", "click", "submit", "load"]
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
    show_error: bool = False
    examples: Examples | None = None
    run_in: RunIn = "thread"

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
        if count == 1:
            return [value]
        if not isinstance(value, tuple | list) or len(value) != count:
            got = f"{len(value)} values" if isinstance(value, tuple | list) else "one value"
            raise OutputError(
                f"{self.name}() returned {got} but has {count} outputs: "
                f"return (or yield) a tuple of {count}."
            )
        return list(value)

    def describe(self) -> dict[str, Any]:
        spec: dict[str, Any] = {
            "id": self.id,
            "inputs": [c.id for c in self.inputs if c.on_page],
            "outputs": [c.id for c in self.outputs if c.on_page],
        }
        if self.examples is not None:
            spec["examples"] = self.examples.describe()
        return spec


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
        for trigger in function.triggers:
            index[(trigger.component, trigger.event)].append(function)
    return dict(index)


def live_dependents(functions: list[BoundFunction]) -> dict[str, list[BoundFunction]]:
    """Functions rerun when a component changes because another function wrote to it."""
    index: dict[str, list[BoundFunction]] = defaultdict(list)
    for function in functions:
        for trigger in function.triggers:
            if trigger.event == "change" and trigger.component is not None:
                index[trigger.component].append(function)
    return dict(index)


@dataclass(frozen=True, slots=True)
class Graph:
    """What every session reads of its app, built once: the functions each (component, event)
    starts, and the functions rerun when another function writes to a component."""

    triggers: Mapping[tuple[str | None, str], tuple[BoundFunction, ...]]
    dependents: Mapping[str, tuple[BoundFunction, ...]]

    @classmethod
    def of(cls, functions: list[BoundFunction]) -> Graph:
        triggers = {key: tuple(fs) for key, fs in trigger_index(functions).items()}
        dependents = {key: tuple(fs) for key, fs in live_dependents(functions).items()}
        return cls(MappingProxyType(triggers), MappingProxyType(dependents))


def output_label(index: int, count: int) -> str:
    """Gradio's label for an unlabelled output: "output", or "output 0", "output 1", ..."""
    return "output" if count == 1 else f"output {index}"

"""``rx.App`` and ``@app.fn``: definitions only, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from reactive.components import Button, Component, Number, Textbox
from reactive.errors import DefinitionError
from reactive.graph import (
    BoundFunction,
    TriggerSpec,
    as_component_list,
    check_arity,
    parameter_names,
)
from reactive.scheduler.limiter import Limiter
from reactive.scheduler.policy import parse_on_busy

F = TypeVar("F", bound=Callable[..., Any])
TriggerArg = Component | str | Sequence[Component | str] | None

_SUBMITTABLE = (Textbox, Number)


class App:
    """A page of components wired to Python functions.

    Example::

        app = rx.App(title="Shout")

        @app.fn(inputs=rx.Textbox(), outputs=rx.Text(), live=True)
        def shout(text: str) -> str:
            return text.upper()
    """

    def __init__(self, title: str = "reactive", *, max_threads_per_session: int = 8) -> None:
        self.title = title
        self.max_threads_per_session = max_threads_per_session
        self.components: dict[str, Component] = {}
        self.functions: list[BoundFunction] = []
        self._order: list[str] = []  # where components appear on the page
        self._counts: dict[str, int] = {}

    # ---------------------------------------------------------------- decorator

    def fn(
        self,
        inputs: Component | Sequence[Component] | None = None,
        outputs: Component | Sequence[Component] | None = None,
        *,
        live: bool = False,
        trigger: TriggerArg = None,
        on_busy: str = "latest",
        debounce: float = 0.0,
        concurrency_limit: int | None = None,
        every: float | None = None,
        name: str | None = None,
    ) -> Callable[[F], F]:
        """Bind a function to input and output components.

        Args:
            inputs: the components whose values are passed, one per parameter.
            outputs: the components that show the result (a tuple for several).
            live: rerun on every change of any input (every keystroke).
            trigger: a Button (click), a Textbox/Number (Enter), another component (change),
                or ``"load"`` (page open); a list for several. Without ``trigger`` and ``live``,
                a "Submit" button is added and Enter in a text input submits.
            on_busy: ``"latest"`` cancels a running call for the new one, ``"queue"`` runs
                every call in order, ``"ignore"`` drops calls while one runs.
            debounce: seconds to wait for input to settle before starting.
            concurrency_limit: at most this many calls at once across all sessions; the others
                wait in a fair queue whose position the page shows.
            every: also run every this many seconds while the page is open.
            name: the function's id on the wire (defaults to its ``__name__``).
        """

        def decorate(fn: F) -> F:
            self._bind(
                fn,
                inputs,
                outputs,
                live,
                trigger,
                on_busy,
                debounce,
                concurrency_limit,
                every,
                name,
            )
            return fn

        return decorate

    def _bind(
        self,
        fn: Callable[..., Any],
        inputs: Component | Sequence[Component] | None,
        outputs: Component | Sequence[Component] | None,
        live: bool,
        trigger: TriggerArg,
        on_busy: str,
        debounce: float,
        concurrency_limit: int | None,
        every: float | None,
        name: str | None,
    ) -> BoundFunction:
        fn_name = getattr(fn, "__name__", "function")
        if not callable(fn):
            raise DefinitionError(f"@app.fn must decorate a function, got {fn!r}.")
        input_list = as_component_list(inputs, "inputs", fn_name)
        output_list = as_component_list(outputs, "outputs", fn_name)
        check_arity(fn, len(input_list))
        try:
            policy = parse_on_busy(on_busy)
        except ValueError as exc:
            raise DefinitionError(f"@app.fn for {fn_name}(): {exc}") from None
        if debounce < 0 or (every is not None and every <= 0):
            raise DefinitionError(
                f"@app.fn for {fn_name}(): debounce must be >= 0 and every > 0 seconds."
            )
        if live and not input_list:
            raise DefinitionError(
                f"@app.fn for {fn_name}(): live=True reruns on input changes, but there are "
                f"no inputs; use trigger= or every= instead."
            )
        for component in input_list:
            if not component.accepts_input and component not in self._outputs_so_far():
                raise DefinitionError(
                    f"@app.fn for {fn_name}(): {type(component).__name__} is display-only; it "
                    f"can be an input only once another function outputs to it."
                )
        for component, label in zip(input_list, parameter_names(fn, len(input_list)), strict=True):
            self._place(component, default_label=label)
        triggers = self._triggers(fn_name, input_list, live, trigger, every)
        for index, component in enumerate(output_list, start=1):
            label = fn_name if len(output_list) == 1 else f"{fn_name} ({index})"
            self._place(component, default_label=label)
        bound = BoundFunction(
            id=self._function_id(name or fn_name),
            fn=fn,
            inputs=input_list,
            outputs=output_list,
            triggers=triggers,
            on_busy=policy,
            debounce=debounce,
            limiter=Limiter(concurrency_limit) if concurrency_limit is not None else None,
            every=every,
        )
        self.functions.append(bound)
        return bound

    def _triggers(
        self,
        fn_name: str,
        inputs: list[Component],
        live: bool,
        trigger: TriggerArg,
        every: float | None,
    ) -> list[TriggerSpec]:
        specs: list[TriggerSpec] = []
        if live:
            specs += [TriggerSpec(c.id, "change") for c in inputs]
        items: list[Component | str]
        if trigger is None:
            items = []
        elif isinstance(trigger, Component | str):
            items = [trigger]
        else:
            items = list(trigger)
        for item in items:
            specs.append(self._trigger_spec(fn_name, item))
        if not specs and every is None:
            button = Button("Submit", elem_id=self._unique_id(f"{fn_name}-submit"))
            self._place(button)
            specs.append(TriggerSpec(button.id, "click"))
            specs += [TriggerSpec(c.id, "submit") for c in inputs if isinstance(c, _SUBMITTABLE)]
        return specs

    def _trigger_spec(self, fn_name: str, item: Component | str) -> TriggerSpec:
        if item == "load":
            return TriggerSpec(None, "load")
        if not isinstance(item, Component):
            raise DefinitionError(
                f"@app.fn for {fn_name}(): trigger must be a component or 'load', got {item!r}."
            )
        self._place(item)
        if isinstance(item, Button):
            return TriggerSpec(item.id, "click")
        if isinstance(item, _SUBMITTABLE):
            return TriggerSpec(item.id, "submit")
        return TriggerSpec(item.id, "change")

    # ---------------------------------------------------------------- placement and ids

    def _place(self, component: Component, default_label: str | None = None) -> None:
        """Put a component on the page at its first use; unlabelled ones get a default label."""
        if component.has_id and self.components.get(component.id) is component:
            return
        if component.label is None and not isinstance(component, Button):
            component.label = default_label
        if component.has_id:
            if component.id in self.components:
                raise DefinitionError(
                    f"Two components use elem_id={component.id!r}: give each a unique elem_id."
                )
        else:
            component.assign_id(self._unique_id(component.type))
        self.components[component.id] = component
        self._order.append(component.id)

    def _unique_id(self, base: str) -> str:
        while True:
            self._counts[base] = self._counts.get(base, 0) + 1
            n = self._counts[base]
            candidate = base if n == 1 and base not in self.components else f"{base}-{n}"
            if candidate not in self.components:
                return candidate

    def _function_id(self, base: str) -> str:
        taken = {f.id for f in self.functions}
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def _outputs_so_far(self) -> list[Component]:
        return [c for f in self.functions for c in f.outputs]

    # ---------------------------------------------------------------- description

    def describe(self) -> dict[str, Any]:
        """The ``app`` part of the welcome message (docs/protocol.md)."""
        return {
            "title": self.title,
            "components": {
                cid: {"type": c.type, "props": c.props()} for cid, c in self.components.items()
            },
            "layout": {"type": "column", "props": {}, "children": list(self._order)},
            "fns": [f.describe() for f in self.functions],
        }

    def function(self, function_id: str) -> BoundFunction | None:
        return next((f for f in self.functions if f.id == function_id), None)

    def launch(self, host: str = "127.0.0.1", port: int = 8000) -> None:
        """Serve the app, as ``reactive run`` does; blocks until interrupted."""
        from reactive.cli import serve  # the CLI is the only module that imports uvicorn

        serve(self, host=host, port=port)

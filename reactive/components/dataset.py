"""Dataset and Examples: tables of sample values placed where they are made.

A ``Dataset`` is an input: a click on a sample sets its value (the sample's index) and is a
click trigger, so ``@app.fn(inputs=dataset, trigger=dataset)`` receives the index, the values
or both (``type=``). ``Examples`` fills its ``inputs`` with the clicked sample in the page and,
with ``run_on_click=True`` (or ``cache_examples=True``, which runs on the click rather than ahead
of time), runs ``fn`` on them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Literal

from reactive.components import placement
from reactive.components.base import Component, require_type
from reactive.components.binding import Binding
from reactive.errors import DefinitionError, InvalidValue, OutputError
from reactive.media.paths import trusted

DatasetType = Literal["values", "index", "tuple"]


class Dataset(Component):
    """Samples of ``components`` shown as a table; the function receives the clicked sample."""

    type = "dataset"
    #: A click on a sample is a "click" trigger (as a Button's is), not a change.
    triggers_on_click: ClassVar[bool] = True
    #: ``return gr.Dataset(samples=[...])``: new samples for the table (Gradio's update).
    updatable: ClassVar[frozenset[str]] = frozenset({"samples"})

    def __init__(
        self,
        *,
        components: Sequence[Component] | None = None,
        samples: Sequence[Any] | None = None,
        type: DatasetType = "values",
        headers: Sequence[str] | None = None,
        samples_per_page: int = 10,
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("values", "index", "tuple"):
            raise DefinitionError(f"Dataset type must be 'values', 'index' or 'tuple': {type!r}.")
        self.components = list(components or [])
        if not self.components and placement.active() is not None:  # made for the page
            raise DefinitionError("A Dataset (or Examples) needs at least one component.")
        self._take_samples(samples or [])
        self.dataset_type: DatasetType = type
        self.headers = list(headers) if headers is not None else None
        self.samples_per_page = samples_per_page
        super().__init__(None, label=label, **kwargs)

    def _take_samples(self, samples: Sequence[Any]) -> None:
        if not self.components:  # a returned gr.Dataset(samples=...): the output's own apply
            self.samples, self.cells = list(samples), []
            return
        self.samples = [sample_row(self.components, row, i) for i, row in enumerate(samples)]
        self.cells = [
            [c.example_cell(v) for c, v in zip(self.components, r, strict=True)]
            for r in self.samples
        ]

    def set_prop(self, name: str, value: Any) -> None:
        if name != "samples":
            return super().set_prop(name, value)
        try:
            self._take_samples(list(value or []))
        except DefinitionError as exc:  # a function's result, not the app's definition
            raise OutputError(f"{self!r}: {exc}") from None
        return None

    def extra_props(self) -> dict[str, Any]:
        headers = self.headers or [c.label or "" for c in self.components]
        return {"headers": headers, "samples": self.cells, "per_page": self.samples_per_page}

    def initial_wire_value(self) -> Any:
        return None

    def preprocess(self, value: Any) -> Any:
        if value is None:
            return None
        require_type(self, value, (int,), "the index of a sample")
        if not 0 <= value < len(self.samples):
            raise self.invalid(f"there is no sample {value}.")
        if self.dataset_type == "index":
            return value
        sample = self.samples[value]
        return sample if self.dataset_type == "values" else (value, sample)

    def postprocess(self, value: Any) -> Any:
        return value if isinstance(value, int) and not isinstance(value, bool) else None


class Examples(Dataset):
    """Example inputs under them: a click fills ``inputs`` (and runs ``fn`` when asked)."""

    def __init__(
        self,
        examples: Sequence[Any],
        inputs: Component | Sequence[Component],
        outputs: Component | Sequence[Component] | None = None,
        fn: Callable[..., Any] | None = None,
        *,
        cache_examples: bool | Literal["lazy"] | None = None,
        run_on_click: bool = False,
        label: str | None = "Examples",
        examples_per_page: int = 10,
        example_labels: Sequence[str] | None = None,
        **kwargs: Any,
    ) -> None:
        targets = [inputs] if isinstance(inputs, Component) else list(inputs)
        outs = (
            []
            if outputs is None
            else [outputs]
            if isinstance(outputs, Component)
            else list(outputs)
        )
        runs = bool(run_on_click or cache_examples)
        if runs and (fn is None or not outs):
            raise DefinitionError(
                "gr.Examples(run_on_click=True or cache_examples=True) needs fn= and outputs=."
            )
        #: Bound by the app that places this table (so set before placing): run fn on a click.
        self.bindings = [Binding(fn, targets, outs, self)] if runs and fn is not None else []
        super().__init__(
            components=targets,
            samples=examples,
            label=label,
            samples_per_page=examples_per_page,
            **kwargs,
        )
        self.inputs = targets
        self.example_labels = list(example_labels) if example_labels is not None else None
        with trusted():  # the app author wrote them: their paths may be read
            self.wires = self._wires()

    @property
    def dataset(self) -> Examples:
        """Gradio's ``examples.dataset``: the table, an output for ``gr.Dataset(samples=)``."""
        return self

    def _wires(self) -> list[list[Any]]:
        return [
            [sample_wire(c, v, i) for c, v in zip(self.inputs, r, strict=True)]
            for i, r in enumerate(self.samples)
        ]

    def set_prop(self, name: str, value: Any) -> None:
        super().set_prop(name, value)
        if name == "samples":
            try:
                self.wires = self._wires()  # a function's paths: served only where allowed
            except DefinitionError as exc:
                raise OutputError(f"{self!r}: {exc}") from None

    def wire_props(self, names: set[str]) -> dict[str, Any]:
        # New samples come with what a click on each fills in.
        return super().wire_props(names | {"fills"} if "samples" in names else names)

    def extra_props(self) -> dict[str, Any]:
        props = super().extra_props()
        if self.example_labels is not None:
            props["samples"] = [[label] for label in self.example_labels]
            props["headers"] = [""]
        return props | {"targets": [c.id for c in self.inputs if c.has_id], "fills": self.wires}


def sample_row(columns: Sequence[Component], row: Any, index: int) -> list[Any]:
    """One sample as one value per column (a bare value for a single column)."""
    if len(columns) == 1 and not (isinstance(row, list | tuple) and len(row) == 1):
        return [row]
    if not isinstance(row, list | tuple) or len(row) != len(columns):
        got = f"{len(row)} values" if isinstance(row, list | tuple) else repr(row)
        raise DefinitionError(
            f"example {index + 1} has {got}; give one value per input ({len(columns)})."
        )
    return list(row)


def sample_wire(component: Component, value: Any, index: int) -> Any:
    """A sample value as the page shows it, checked as the page would send it back."""
    try:
        wire = component.postprocess(value)
        if not component.heavy_postprocess and component.accepts_input:
            component.preprocess(wire)
    except (InvalidValue, OutputError) as exc:
        raise DefinitionError(f"example {index + 1} does not fit {component!r}: {exc}") from None
    return wire

"""Numeric inputs: Number and Slider."""

from __future__ import annotations

import math
import random
from typing import Any, ClassVar

from reactive.components.base import Component, require_type
from reactive.errors import DefinitionError, OutputError


class _Numeric(Component):
    minimum: float | None
    maximum: float | None
    updatable: ClassVar[frozenset[str]] = frozenset({"minimum", "maximum", "step"})

    def _check_range(self, value: float) -> None:
        if not math.isfinite(value):
            raise self.invalid(f"expected a finite number, got {value}.")
        if self.minimum is not None and value < self.minimum:
            raise self.invalid(f"{value} is below the minimum {self.minimum}.")
        if self.maximum is not None and value > self.maximum:
            raise self.invalid(f"{value} is above the maximum {self.maximum}.")

    def postprocess(self, value: Any) -> int | float | None:
        if value is None:
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise OutputError(
                f"{self!r} shows numbers; got {type(value).__name__}: {value!r}."
            ) from None
        return int(number) if number.is_integer() and not isinstance(value, float) else number


def _zero_within(minimum: float | None, maximum: float | None) -> float:
    """0, or the nearest bound when 0 is out of range: where an empty number field starts."""
    if minimum is not None and minimum > 0:
        return minimum
    if maximum is not None and maximum < 0:
        return maximum
    return 0


class Number(_Numeric):
    """A number field. The function receives a ``float`` (``int`` with ``precision=0``), or None.

    As in Gradio, a field made with no value and no placeholder starts at 0 (the page shows 0
    and the function receives it); with a placeholder it starts empty (None). In
    ``rx.Interface``, as in Gradio, a whole number typed in the page arrives as an ``int``.
    """

    type = "number"
    updatable: ClassVar[frozenset[str]] = _Numeric.updatable | {"placeholder"}

    def __init__(
        self,
        value: float | None = None,
        *,
        label: str | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        step: float | None = None,
        precision: int | None = None,
        placeholder: str | None = None,
        **kwargs: Any,
    ) -> None:
        if minimum is not None and maximum is not None and minimum > maximum:
            raise DefinitionError(f"Number minimum {minimum} is above its maximum {maximum}.")
        if value is None and placeholder is None:
            value = _zero_within(minimum, maximum)
        super().__init__(value, label=label, **kwargs)
        self.minimum, self.maximum, self.step, self.precision = minimum, maximum, step, precision
        self.placeholder = placeholder
        #: Gradio's rule (set by rx.Interface): without precision, whole numbers stay ints.
        self.keeps_ints = False

    def extra_props(self) -> dict[str, Any]:
        limits = {"minimum": self.minimum, "maximum": self.maximum, "step": self.step}
        return limits | {"placeholder": self.placeholder}

    def _shape(self, value: float) -> int | float:
        if self.precision == 0:
            return round(value)
        if self.precision is not None:
            return round(value, self.precision)
        return value if self.keeps_ints and isinstance(value, int) else float(value)

    def initial_python_value(self) -> int | float | None:
        return None if self.value is None else self._shape(self.value)

    def preprocess(self, value: Any) -> int | float | None:
        if value is None:
            return None
        require_type(self, value, (int, float), "a number")
        self._check_range(float(value))
        return self._shape(value)


class Slider(_Numeric):
    """A range slider. Gives ``int`` when minimum, maximum and step are whole, else ``float``.

    Without a positive ``step`` (Gradio takes ``step=-1`` too) it steps by 1 when both ends are
    whole and at least 2 apart, else by a hundredth of the range rounded down to a power of ten
    (Gradio's rule, which it uses for every range); a ``value`` outside the range starts at the
    nearest end, as Gradio's page shows it; ``randomize=True`` starts at a random step (drawn
    when the app is defined; Gradio draws one per page load).
    """

    type = "slider"

    def __init__(
        self,
        minimum: float = 0,
        maximum: float = 100,
        value: float | None = None,
        *,
        step: float | None = None,
        precision: int | None = None,
        randomize: bool = False,
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        if minimum > maximum:
            raise DefinitionError(f"Slider minimum {minimum} is above its maximum {maximum}.")
        if not all(math.isfinite(x) for x in (minimum, maximum)):
            raise DefinitionError(f"Slider bounds must be finite: [{minimum}, {maximum}].")
        step = step if step is not None and step > 0 else default_step(minimum, maximum)
        if randomize:
            value = minimum + step * random.randint(0, int((maximum - minimum) // step))
        initial = minimum if value is None else min(max(value, minimum), maximum)
        super().__init__(initial, label=label, **kwargs)
        self.minimum, self.maximum, self.step, self.precision = minimum, maximum, step, precision
        self._whole = all(float(x).is_integer() for x in (minimum, maximum, step))

    def extra_props(self) -> dict[str, Any]:
        return {"minimum": self.minimum, "maximum": self.maximum, "step": self.step}

    def set_prop(self, name: str, value: Any) -> None:
        super().set_prop(name, value)
        limits = (self.minimum, self.maximum, self.step)
        self._whole = all(x is not None and float(x).is_integer() for x in limits)

    def _shape(self, value: float) -> int | float:
        if self.precision is not None:
            return round(value) if self.precision == 0 else round(float(value), self.precision)
        return round(value) if self._whole else float(value)

    def initial_python_value(self) -> int | float:
        return self._shape(self.value)

    def preprocess(self, value: Any) -> int | float:
        require_type(self, value, (int, float), "a number")
        self._check_range(float(value))
        return self._shape(value)


def default_step(minimum: float, maximum: float) -> float:
    """The step of a slider given none: 1 for whole ranges, else a power of ten near 1 %."""
    whole = float(minimum).is_integer() and float(maximum).is_integer()
    if maximum == minimum or (whole and maximum - minimum >= 2):
        return 1
    step = 10.0 ** math.floor(math.log10(maximum - minimum) - 2)
    return int(step) if step >= 1 else step

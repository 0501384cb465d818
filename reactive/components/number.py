"""Numeric inputs: Number and Slider."""

from __future__ import annotations

import math
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


class Number(_Numeric):
    """A number field. The function receives a ``float`` (``int`` with ``precision=0``), or None.

    In ``rx.Interface``, as in Gradio, a whole number typed in the page arrives as an ``int``.
    """

    type = "number"

    def __init__(
        self,
        value: float | None = None,
        *,
        label: str | None = None,
        minimum: float | None = None,
        maximum: float | None = None,
        step: float | None = None,
        precision: int | None = None,
        **kwargs: Any,
    ) -> None:
        if minimum is not None and maximum is not None and minimum > maximum:
            raise DefinitionError(f"Number minimum {minimum} is above its maximum {maximum}.")
        super().__init__(value, label=label, **kwargs)
        self.minimum, self.maximum, self.step, self.precision = minimum, maximum, step, precision
        #: Gradio's rule (set by rx.Interface): without precision, whole numbers stay ints.
        self.keeps_ints = False

    def extra_props(self) -> dict[str, Any]:
        return {"minimum": self.minimum, "maximum": self.maximum, "step": self.step}

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
    """A range slider. Gives ``int`` when minimum, maximum and step are whole, else ``float``."""

    type = "slider"

    def __init__(
        self,
        minimum: float = 0,
        maximum: float = 100,
        value: float | None = None,
        *,
        step: float = 1,
        label: str | None = None,
        **kwargs: Any,
    ) -> None:
        if minimum > maximum:
            raise DefinitionError(f"Slider minimum {minimum} is above its maximum {maximum}.")
        if step <= 0:
            raise DefinitionError(f"Slider step must be positive, got {step}.")
        initial = minimum if value is None else value
        if not minimum <= initial <= maximum:
            raise DefinitionError(f"Slider value {initial} is outside [{minimum}, {maximum}].")
        super().__init__(initial, label=label, **kwargs)
        self.minimum, self.maximum, self.step = minimum, maximum, step
        self._whole = all(float(x).is_integer() for x in (minimum, maximum, step))

    def extra_props(self) -> dict[str, Any]:
        return {"minimum": self.minimum, "maximum": self.maximum, "step": self.step}

    def set_prop(self, name: str, value: Any) -> None:
        super().set_prop(name, value)
        limits = (self.minimum, self.maximum, self.step)
        self._whole = all(x is not None and float(x).is_integer() for x in limits)

    def _shape(self, value: float) -> int | float:
        return round(value) if self._whole else float(value)

    def initial_python_value(self) -> int | float:
        return self._shape(self.value)

    def preprocess(self, value: Any) -> int | float:
        require_type(self, value, (int, float), "a number")
        self._check_range(float(value))
        return self._shape(value)

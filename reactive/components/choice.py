"""Choices: Checkbox, Dropdown, Radio and CheckboxGroup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Literal

from reactive.components.base import Component, require_type
from reactive.errors import DefinitionError

Scalar = str | int | float
Choice = Scalar | tuple[str, Scalar] | list[Any]
ChoiceType = Literal["value", "index"]


class Checkbox(Component):
    """A checkbox. The function receives a ``bool``."""

    type = "checkbox"

    def __init__(self, value: bool = False, *, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(value, label=label, **kwargs)

    def preprocess(self, value: Any) -> bool:
        require_type(self, value, (bool,), "true or false")
        return bool(value)

    def postprocess(self, value: Any) -> bool:
        return bool(value)


def parse_choices(choices: Sequence[Choice] | None) -> list[tuple[str, Scalar]]:
    """``(label, value)`` pairs from bare values or pairs."""
    pairs: list[tuple[str, Scalar]] = []
    for choice in choices or []:
        if isinstance(choice, tuple | list):
            if len(choice) != 2:
                raise DefinitionError(f"A choice pair must be (label, value), got {choice!r}.")
            pairs.append((str(choice[0]), choice[1]))
        elif isinstance(choice, str | int | float) and not isinstance(choice, bool):
            pairs.append((str(choice), choice))
        else:
            raise DefinitionError(f"A choice must be a string or number, got {choice!r}.")
    return pairs


class _Choices(Component):
    """Shared by the components that pick among ``choices``."""

    updatable: ClassVar[frozenset[str]] = frozenset({"choices"})
    multiple: ClassVar[bool] = False
    choices: list[tuple[str, Scalar]]

    def _setup(self, choices: Sequence[Choice] | None, kind: ChoiceType) -> None:
        if kind not in ("value", "index"):
            raise DefinitionError(f"{type(self).__name__} type must be 'value' or 'index'.")
        self.choice_type: ChoiceType = kind
        self.allow_custom_value = getattr(self, "allow_custom_value", False)
        self.set_choices(parse_choices(choices))

    def set_choices(self, pairs: list[tuple[str, Scalar]]) -> None:
        self.choices = pairs
        self._values = [v for _, v in pairs]

    def set_prop(self, name: str, value: Any) -> None:
        if name == "choices":
            self.set_choices(parse_choices(value))
        else:
            super().set_prop(name, value)

    def _check_initial(self, value: Any) -> None:
        bad = [v for v in _as_list(value) if v not in self._values]
        if bad and not self.allow_custom_value:
            raise DefinitionError(
                f"{type(self).__name__} value {bad[0]!r} is not one of its choices."
            )

    def extra_props(self) -> dict[str, Any]:
        return {"choices": [list(c) for c in self.choices]}

    def initial_python_value(self) -> Any:
        if isinstance(self.value, list | tuple):
            return [self._given(v) for v in self.value]
        return None if self.value is None else self._given(self.value)

    def _check_choice(self, value: Any) -> Scalar:
        require_type(self, value, (str, int, float), "a choice")
        if value in self._values:
            return self._values[self._values.index(value)]  # the choice's own type
        if self.allow_custom_value and isinstance(value, str):
            return value
        raise self.invalid(f"{value!r} is not one of the choices.")

    def _given(self, value: Any) -> Any:
        if self.choice_type == "index":
            return self._values.index(value) if value in self._values else None
        return value

    def _one(self, value: Any) -> Any:
        if value is None:
            return None
        return self._given(self._check_choice(value))

    def _many(self, value: Any) -> list[Any]:
        require_type(self, value, (list,), "a list of choices")
        return [self._given(self._check_choice(item)) for item in value]

    def _shown(self, value: Any) -> Any:
        """A result (a choice, or its index with type="index") as the page shows it."""
        index = self.choice_type == "index" and isinstance(value, int)
        if index and not isinstance(value, bool) and 0 <= value < len(self._values):
            return self._values[value]
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return value
        return str(value)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple | set) else [value]


class Dropdown(_Choices):
    """Pick one choice, or several with ``multiselect=True`` (a list).

    ``choices`` are strings or numbers, or ``(label, value)`` pairs when the shown text differs.
    ``type="index"`` gives the function the choice's position instead. ``allow_custom_value``
    lets the person type a value that is not among the choices.
    """

    type = "dropdown"

    def __init__(
        self,
        choices: Sequence[Choice] | None = None,
        value: Any = None,
        *,
        label: str | None = None,
        type: ChoiceType = "value",
        multiselect: bool | None = None,
        allow_custom_value: bool = False,
        max_choices: int | None = None,
        filterable: bool = True,
        **kwargs: Any,
    ) -> None:
        self.multiselect = bool(multiselect)
        self.allow_custom_value = allow_custom_value
        self.max_choices = max_choices
        self._setup(choices, type)
        if value is None and self.multiselect:
            value = []
        super().__init__(value, label=label, **kwargs)
        self._check_initial(value)

    def extra_props(self) -> dict[str, Any]:
        return {
            **super().extra_props(),
            "multiselect": self.multiselect,
            "allow_custom_value": self.allow_custom_value,
            "max_choices": self.max_choices,
        }

    def preprocess(self, value: Any) -> Any:
        if not self.multiselect:
            return self._one(value)
        picked = self._many(value)
        if self.max_choices is not None and len(picked) > self.max_choices:
            raise self.invalid(f"at most {self.max_choices} choices, got {len(picked)}.")
        return picked

    def postprocess(self, value: Any) -> Any:
        if self.multiselect:
            return [self._shown(v) for v in _as_list(value)]
        return None if value is None else self._shown(value)


class Radio(_Choices):
    """Pick exactly one of a few choices shown as radio buttons."""

    type = "radio"

    def __init__(
        self,
        choices: Sequence[Choice] | None = None,
        value: Any = None,
        *,
        label: str | None = None,
        type: ChoiceType = "value",
        **kwargs: Any,
    ) -> None:
        self._setup(choices, type)
        super().__init__(value, label=label, **kwargs)
        self._check_initial(value)

    def preprocess(self, value: Any) -> Any:
        return self._one(value)

    def postprocess(self, value: Any) -> Any:
        return None if value is None else self._shown(value)


class CheckboxGroup(_Choices):
    """Tick any number of choices; the function receives the list of ticked ones."""

    type = "checkboxgroup"

    def __init__(
        self,
        choices: Sequence[Choice] | None = None,
        value: Sequence[Any] | None = None,
        *,
        label: str | None = None,
        type: ChoiceType = "value",
        **kwargs: Any,
    ) -> None:
        self._setup(choices, type)
        super().__init__(list(value or []), label=label, **kwargs)
        self._check_initial(self.value)

    def preprocess(self, value: Any) -> list[Any]:
        return self._many(value)

    def postprocess(self, value: Any) -> list[Any]:
        return [self._shown(v) for v in _as_list(value)]

"""Choices: Checkbox and Dropdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reactive.components.base import Component, require_type
from reactive.errors import DefinitionError

Choice = str | tuple[str, str]


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


class Dropdown(Component):
    """Pick one choice (a ``str``), or several with ``multiselect=True`` (a ``list[str]``).

    ``choices`` are strings, or ``(label, value)`` pairs when the shown text differs.
    """

    type = "dropdown"

    def __init__(
        self,
        choices: Sequence[Choice],
        value: str | list[str] | None = None,
        *,
        label: str | None = None,
        multiselect: bool = False,
        **kwargs: Any,
    ) -> None:
        self.choices = [(c, c) if isinstance(c, str) else (str(c[0]), str(c[1])) for c in choices]
        self.multiselect = multiselect
        self._values = {v for _, v in self.choices}
        if value is None and multiselect:
            value = []
        super().__init__(value, label=label, **kwargs)
        bad = [v for v in self._as_list(value) if v not in self._values]
        if bad:
            raise DefinitionError(f"Dropdown value {bad[0]!r} is not one of its choices.")

    @staticmethod
    def _as_list(value: Any) -> list[Any]:
        if value is None:
            return []
        return list(value) if isinstance(value, list | tuple) else [value]

    def extra_props(self) -> dict[str, Any]:
        return {"choices": [list(c) for c in self.choices], "multiselect": self.multiselect}

    def preprocess(self, value: Any) -> str | list[str] | None:
        if self.multiselect:
            require_type(self, value, (list,), "a list of choices")
            for item in value:
                self._check_choice(item)
            return list(value)
        if value is None:
            return None
        self._check_choice(value)
        return str(value)

    def _check_choice(self, value: Any) -> None:
        require_type(self, value, (str,), "a choice")
        if value not in self._values:
            raise self.invalid(f"{value!r} is not one of the choices.")

    def postprocess(self, value: Any) -> Any:
        if self.multiselect:
            return [str(v) for v in self._as_list(value)]
        return None if value is None else str(value)

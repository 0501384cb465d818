"""A session's component values, kept in one place: one store, one owner.

Per component it holds three things:

- the **Python value** a function receives (initially the component's default);
- the **page value**, the wire value as the page set it (typed, uploaded, or filled by an
  example), so a resumed page shows what the person entered;
- the **sent value**, the last full wire value written to the page (results and example fills),
  so a resumed page is redrawn with what it showed.

A resumed page's welcome shows the sent value if there is one, else the page value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from reactive.components.base import Component


class Values:
    """Every component value of one session."""

    def __init__(self, components: Mapping[str, Component]) -> None:
        self._python: dict[str, Any] = {
            cid: c.initial_python_value() for cid, c in components.items()
        }
        self._page: dict[str, Any] = {}
        self._sent: dict[str, Any] = {}

    @property
    def python(self) -> Mapping[str, Any]:
        """The Python value of each component (read-only; set through the methods below)."""
        return self._python

    def args(self, inputs: Iterable[Component]) -> tuple[Any, ...]:
        """A function's arguments: the current Python values of its inputs."""
        return tuple(self._python[c.id] for c in inputs)

    def set_from_page(self, component: str, python: Any, page: Any) -> None:
        """The page (or an example) set ``component``: its Python value and its wire value."""
        self._python[component] = python
        self._page[component] = page

    def set_result(self, component: str, python: Any) -> None:
        """A function produced ``python`` for ``component``."""
        self._python[component] = python

    def sent(self, component: str, wire: Any) -> None:
        """``wire`` was written to the page for ``component`` (its full value)."""
        self._sent[component] = wire

    def shown(self, component: str) -> tuple[bool, Any]:
        """What a (resumed) page should show: ``(True, wire)``, or ``(False, None)`` for nothing."""
        if component in self._sent:
            return True, self._sent[component]
        if component in self._page:
            return True, self._page[component]
        return False, None

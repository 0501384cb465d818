"""A session's component values, kept in one place: one store, one owner.

Per component it holds three things:

- the **Python value** a function receives (initially the component's default);
- the **page value**, the wire value as the page set it (typed, uploaded, or filled by an
  example), so a resumed page shows what the person entered;
- the **sent value**, the last full wire value written to the page (results and example fills),
  so a resumed page is redrawn with what it showed.

A resumed page's welcome shows the sent value if there is one, else the page value.

With a session store, :attr:`Values.watch` is told of every page and sent value that changes
(one call, no I/O: the store batches its writes), and :meth:`Values.restore` rebuilds the values
of a session that another process kept.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

from reactive.components.base import Component

Kind = Literal["p", "s"]


class Values:
    """Every component value of one session."""

    def __init__(self, components: Mapping[str, Component]) -> None:
        self._python: dict[str, Any] = {
            cid: c.initial_python_value() for cid, c in components.items()
        }
        self._page: dict[str, Any] = {}
        self._sent: dict[str, Any] = {}
        #: Told ``(kind, component)`` when a page ("p") or sent ("s") value changes; None
        #: without a session store (then nothing more happens per keystroke).
        self.watch: Callable[[Kind, str], None] | None = None

    @property
    def python(self) -> Mapping[str, Any]:
        """The Python value of each component (read-only; set through the methods below)."""
        return self._python

    def args(self, inputs: Iterable[Component]) -> tuple[Any, ...]:
        """A function's arguments: the current Python values of its inputs."""
        return tuple(self._python[c.id] for c in inputs)

    def wire_args(self, inputs: Iterable[Component]) -> tuple[Any, ...]:
        """Arguments as the page shows its inputs (Gradio's ``preprocess=False``): the wire
        value last sent or set by the page, else the component's starting one."""
        args = []
        for component in inputs:
            shown, wire = self.shown(component.id)
            args.append(wire if shown else component.initial_wire_value())
        return tuple(args)

    def set_from_page(self, component: str, python: Any, page: Any) -> None:
        """The page (or an example) set ``component``: its Python value and its wire value."""
        self._python[component] = python
        self._page[component] = page
        if self.watch is not None:
            self.watch("p", component)

    def set_result(self, component: str, python: Any) -> None:
        """A function produced ``python`` for ``component``."""
        self._python[component] = python

    def sent(self, component: str, wire: Any) -> None:
        """``wire`` was written to the page for ``component`` (its full value)."""
        self._sent[component] = wire
        if self.watch is not None:
            self.watch("s", component)

    def wire(self, kind: Kind, component: str) -> tuple[bool, Any]:
        """The page ("p") or sent ("s") value of ``component``: ``(False, None)`` if none."""
        values = self._page if kind == "p" else self._sent
        if component in values:
            return True, values[component]
        return False, None

    def restore(
        self, stored: Mapping[tuple[Kind, str], Any], python: Callable[[str, Any], Any]
    ) -> None:
        """Take a stored session's wire values; ``python(component, wire)`` gives the Python
        value of what the page shows (or raises ``LookupError`` to keep the default)."""
        for (kind, component), wire in stored.items():
            if component in self._python:
                (self._page if kind == "p" else self._sent)[component] = wire
        for component in self._python:
            shown, wire = self.shown(component)
            if shown:
                with contextlib.suppress(LookupError):
                    self._python[component] = python(component, wire)

    def add(self, component: str, python: Any) -> None:
        """A component made for this session alone (a ``@gr.render`` run): its first value."""
        self._python[component] = python
        self._page.pop(component, None)
        self._sent.pop(component, None)

    def drop(self, component: str) -> None:
        """A session's own component is gone (its render was replaced): forget its values."""
        self._python.pop(component, None)
        self._page.pop(component, None)
        self._sent.pop(component, None)

    def shown(self, component: str) -> tuple[bool, Any]:
        """What a (resumed) page should show: ``(True, wire)``, or ``(False, None)`` for nothing."""
        if component in self._sent:
            return True, self._sent[component]
        if component in self._page:
            return True, self._page[component]
        return False, None

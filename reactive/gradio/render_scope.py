"""One run of a ``@gr.render`` function: where the components, blocks and listeners it makes go.

While the function runs (in the session's worker thread), a :class:`RenderScope` stands where the
Blocks app stands during definition: new components are placed in its own root column, layout
blocks attach to it, and listeners bind through it. Nothing reaches the frozen app: the scope's
result, a :class:`Rendered`, belongs to the session whose run made it.

Ids: a component with ``key=`` gets the same id in every render of its slot (so the session
keeps its value); any other gets an id of this render only.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from reactive.components import listeners, placement
from reactive.components.base import Component
from reactive.components.binding import Binding
from reactive.definition import layout
from reactive.definition.derived import derives_select
from reactive.definition.graph import PAGE_EVENTS, BoundFunction, page_events
from reactive.definition.render import Rendered, RenderSlot
from reactive.errors import DefinitionError, UserError
from reactive.gradio.events import bind
from reactive.gradio.timer import Timer
from reactive.scheduler.limiter import Limiter

if TYPE_CHECKING:
    from reactive.gradio.blocks import Blocks

#: Each render of any slot in this process: part of its components' and listeners' ids.
_generations = itertools.count(1)


class RenderScope:
    """The Blocks-like host of one render function's run."""

    def __init__(self, app: Blocks, slot: RenderSlot) -> None:
        self.app = app
        self.slot = slot
        self.prefix = f"{slot.id}.{next(_generations)}."
        self.show_error = app.show_error
        self.layout = layout.Column(self)
        self.rendered = Rendered(slot, self.layout)
        self._counts: dict[str, int] = {}
        self._keys: set[str] = set()

    def run(self, fn: Any, args: tuple[Any, ...]) -> None:
        """Call the render function with this scope active; what it returns is ignored.

        Something the render cannot do (a ``DefinitionError``) fails the run with its message
        shown on the page, whatever ``show_error`` says: it is the app's mistake, not data.
        """
        placing, listening = placement.enter(self.layout), listeners.enter(self)
        try:
            fn(*args)
        except DefinitionError as exc:
            raise UserError(str(exc)) from exc
        finally:
            listeners.leave(listening)
            placement.leave(placing)

    async def run_async(self, fn: Any, args: tuple[Any, ...]) -> None:
        """:meth:`run` for an async render function."""
        placing, listening = placement.enter(self.layout), listeners.enter(self)
        try:
            await fn(*args)
        except DefinitionError as exc:
            raise UserError(str(exc)) from exc
        finally:
            listeners.leave(listening)
            placement.leave(placing)

    # ---------------------------------------------------------------- components and blocks

    def adopt(self, component: Component, block: layout.Block) -> None:
        """A component made inside the function: placed in the block it was made in."""
        bindings: list[Binding] = list(getattr(component, "bindings", ()))
        if len(bindings) == 1 and _calls_once(bindings[0], component):
            component.value = bindings[0].fn()  # Gradio's value=fn: called when it appears
        elif bindings:  # gr.Examples(fn=...), a value function with inputs= or every=
            raise DefinitionError(
                "gr.Examples with fn=, or a value function with inputs= or every=, inside "
                "@gr.render is not supported: make it outside the render function (a plain "
                "value=fn is called in each render)."
            )
        self.register(component)
        if component.on_page:
            block.add(component)

    def register(self, component: Component) -> None:
        """Give ``component`` its id for this render (a keyed one keeps it across renders)."""
        if isinstance(component, Timer):
            raise DefinitionError(
                "gr.Timer inside @gr.render is not supported: make the timer outside the "
                "render function (its tick may be a trigger of the render)."
            )
        if component.key is not None:
            cid = f"{self.slot.id}.key.{component.key}"
            if cid in self._keys:
                raise DefinitionError(
                    f"Two components in one run of {self.slot.id!r} use key={component.key!r}: "
                    f"give each a key of its own."
                )
            self._keys.add(cid)
            component.assign_id(cid)
        elif component.has_id:  # elem_id=: its own id, which must not be the app's
            if component.id in self.app.components or component.id in self.rendered.components:
                raise DefinitionError(
                    f"Two components use elem_id={component.id!r}: give each a unique elem_id."
                )
        else:
            component.assign_id(self.unique_id(component.type))
        self.rendered.components[component.id] = component
        component.served_paths = self.app.served_paths
        component.media_limits = self.app.media_limits

    def place(self, component: Component) -> None:
        """A component a listener names: the app's, this render's, or placed here now."""
        if self._known(component):
            return
        self.register(component)
        if component.on_page:
            self.current_block().add(component)

    def _known(self, component: Component) -> bool:
        if not component.has_id:
            return False
        cid = component.id
        return (
            self.app.components.get(cid) is component
            or self.rendered.components.get(cid) is component
        )

    def attach(self, block: layout.Block) -> None:
        self.current_block().add(block)

    def current_block(self) -> layout.Block:
        block = layout.active()
        return block if block is not None and block.owner is self else self.layout

    def unique_id(self, base: str) -> str:
        self._counts[base] = self._counts.get(base, 0) + 1
        return f"{self.prefix}{base}-{self._counts[base]}"

    # ---------------------------------------------------------------- listeners

    def listen(self, triggers: list[tuple[Any, str]], fn: Any, arguments: dict[str, Any]) -> Any:
        """A listener bound inside the function: this session's, until the next render."""
        for component, event in triggers:
            self._check_page_event(component, event)
            if event == "stream":
                raise DefinitionError(
                    ".stream(...) inside @gr.render is not supported: bind it outside the "
                    "render function."
                )
        if arguments.get("every") is not None:
            raise DefinitionError(
                "A timer's tick or every= inside @gr.render is not supported: bind it outside "
                "the render function."
            )
        if arguments.get("js") is not None:
            raise DefinitionError(
                "js= listeners inside @gr.render are not supported: bind them outside the "
                "render function."
            )
        return bind(self, triggers, fn, arguments)

    def _check_page_event(self, component: Any, event: str) -> None:
        """An event of an app component its page does not send yet (focus, release, ...):
        the page learns which to send at load, so a render cannot add one."""
        if not isinstance(component, Component) or not self._known(component):
            return
        if component.id not in self.app.components or event not in PAGE_EVENTS:
            return
        if event in ("click", "submit") or (event == "select" and derives_select(component)):
            return
        if event not in page_events(self.app.functions, self.app.components).get(component.id, []):
            raise DefinitionError(
                f"{type(component).__name__}.{event}(...) inside @gr.render on a component made "
                f"outside it is not supported (the page sends {event} only for listeners bound "
                f"at definition): bind it outside the render function."
            )

    def add_function(self, function: BoundFunction) -> None:
        function.api = False  # a session's own listener: not part of the app's API
        self.rendered.functions.append(function)

    def function_id(self, name: str) -> str:
        taken = {f.id for f in self.rendered.functions}
        candidate, n = f"{self.prefix}{name}", 1
        while candidate in taken:
            n += 1
            candidate = f"{self.prefix}{name}-{n}"
        return candidate

    def limit_by_default(self, function: BoundFunction) -> None:
        """The app's ``default_concurrency_limit``, counted for this session's listener alone."""
        limit = self.app.default_limit
        if limit is not None:
            function.limiter = Limiter(limit)

    def shared_limiter(self, concurrency_id: str, limit: int | None) -> Limiter:
        return self.app.shared_limiter(concurrency_id, limit)


def _calls_once(binding: Binding, component: Component) -> bool:
    """A value function of ``component`` alone: no inputs, no ``every=``, called once."""
    return (
        binding.outputs == [component]
        and binding.trigger == "load"
        and not binding.inputs
        and binding.every is None
    )

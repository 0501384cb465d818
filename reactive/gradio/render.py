"""``@gr.render``: a part of the page rebuilt, per session, from the values of its inputs.

Example::

    with gr.Blocks() as demo:
        text = gr.Textbox(label="Letters")

        @gr.render(inputs=text)
        def letters(value):
            for letter in value:
                gr.Textbox(letter)

The decorator puts a placeholder (:class:`RenderSlot`) where it is written and binds the
function as a listener whose one output is that placeholder: it runs on page load and when an
input changes (or on the given ``triggers``), on the session's scheduler like any listener, so a
newer run supersedes a stale one. Each run makes its components and listeners in a
:class:`RenderScope` and returns them; the session installs them for itself alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from reactive.components.base import Component
from reactive.definition.render import Rendered, RenderSlot
from reactive.errors import DefinitionError
from reactive.gradio.blocks import Blocks, active_blocks
from reactive.gradio.events import bind, trigger_pair
from reactive.gradio.render_scope import RenderScope
from reactive.gradio.timer import Timer
from reactive.scheduler.executor import kind_of


def render(
    inputs: Component | list[Component] | None = None,
    triggers: Any = None,
    *,
    queue: bool = True,
    trigger_mode: str | None = "always_last",
    concurrency_limit: int | str | None = None,
    concurrency_id: str | None = None,
    show_progress: str = "full",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Rebuild the components and listeners ``fn`` makes whenever ``inputs`` change (or
    ``triggers`` fire), and on page load when no ``triggers`` are given."""
    host = active_blocks("@gr.render")
    if not isinstance(host, Blocks):
        raise DefinitionError(
            "@gr.render inside another @gr.render function is not supported: write the inner "
            "layout in the outer render function."
        )
    blocks = host
    listed = _inputs(inputs)
    slot = RenderSlot()  # placed where the decorator is written
    pairs, every = _triggers(listed, triggers)

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        arguments: dict[str, Any] = {
            "inputs": listed,
            "outputs": slot,
            "trigger_mode": trigger_mode,
            "concurrency_limit": concurrency_limit,
            "concurrency_id": concurrency_id,
            "show_progress": show_progress,
            "queue": queue,
            "api_name": False,
        }
        if every is not None:
            arguments |= {"every": every, "timer_tick": True}
        bind(blocks, pairs, _renderer(blocks, slot, fn), arguments)
        return fn

    return decorate


def _inputs(inputs: Component | list[Component] | None) -> list[Component]:
    items = [] if inputs is None else list(inputs) if isinstance(inputs, list | tuple) else [inputs]
    for item in items:
        if not isinstance(item, Component):
            raise DefinitionError(
                f"@gr.render(inputs=...) takes components (gr.Textbox(), gr.State(), ...), "
                f"got {item!r}."
            )
    return items


def _triggers(inputs: list[Component], triggers: Any) -> tuple[list[tuple[Any, str]], Any]:
    """Gradio's rule: without ``triggers``, page load and every input's change."""
    if triggers is None:
        return [(None, "load"), *((c, "change") for c in inputs)], None
    items = list(triggers) if isinstance(triggers, list | tuple) else [triggers]
    ticks = [t for t in items if _timer_of(t) is not None]
    if ticks and len(items) > 1:
        raise DefinitionError(
            "@gr.render(triggers=[timer.tick, ...]): a timer's tick together with other triggers "
            "is not supported; give the timer's tick alone."
        )
    if ticks:
        return [], ticks[0].__self__.value
    return [trigger_pair(t) for t in items], None


def _timer_of(trigger: Any) -> float | None:
    """A ``timer.tick`` trigger's seconds, else None."""
    owner = getattr(trigger, "__self__", None)
    if isinstance(owner, Timer) and getattr(trigger, "__name__", None) == "tick":
        return float(owner.value)
    return None


def _renderer(blocks: Blocks, slot: RenderSlot, fn: Callable[..., Any]) -> Callable[..., Any]:
    """The listener's function: ``fn`` run in a scope of its own, returning what it made."""
    kind = kind_of(fn)
    if kind in ("gen", "asyncgen"):
        raise DefinitionError(
            f"@gr.render for {getattr(fn, '__name__', fn)}(): a generator cannot be a render "
            f"function; make the components in a plain function."
        )
    if kind == "async":

        @functools.wraps(fn)
        async def render_async(*args: Any) -> Rendered:
            scope = RenderScope(blocks, slot)
            await scope.run_async(fn, args)
            return scope.rendered

        return render_async

    @functools.wraps(fn)
    def render_sync(*args: Any) -> Rendered:
        scope = RenderScope(blocks, slot)
        scope.run(fn, args)
        return scope.rendered

    return render_sync

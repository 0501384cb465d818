"""Gradio's ``validator=``: a function checks the inputs before the listener's own runs.

Example::

    def check(age, city):
        return [gr.validate(age >= 3, "Age must be at least 3"),
                gr.validate("london" not in city.lower(), "Not in London")]

    btn.click(process, [age, city], out, validator=check)

The validator takes the listener's inputs and returns ``gr.validate(ok, message)``, a list of
them (one per input), or None. When one is not valid the function does not run: its messages
are the run's error, shown on its outputs (Gradio shows each beside its input).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from reactive.errors import DefinitionError, UserError


def validate(is_valid: bool, message: str) -> dict[str, Any]:
    """One input's verdict, as Gradio's ``gr.validate`` returns it."""
    return {"__type__": "validate", "is_valid": bool(is_valid), "message": str(message)}


def check(validator: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """Run ``validator``; raise a UserError with the messages of what is not valid."""
    messages = _failed(validator(*args))
    if messages:
        raise UserError("\n".join(messages))


def _failed(verdict: Any) -> list[str]:
    if verdict is None:
        return []
    if isinstance(verdict, list | tuple):
        return [m for item in verdict for m in _failed(item)]
    if isinstance(verdict, dict) and verdict.get("__type__") == "validate":
        return [] if verdict.get("is_valid") else [str(verdict.get("message") or "Not valid.")]
    raise UserError(
        f"A validator returns gr.validate(is_valid, message), a list of them, or None; got "
        f"{verdict!r:.60}."
    )


def validated(fn: Callable[..., Any], validator: Any) -> Callable[..., Any]:
    """``fn`` checked by ``validator`` first; of the same kind (sync, async, generator)."""
    if not callable(validator):
        raise DefinitionError(f"validator= takes a function, got {validator!r}.")
    if inspect.isasyncgenfunction(fn):

        @functools.wraps(fn)
        async def agen(*args: Any) -> AsyncIterator[Any]:
            check(validator, args)
            async for item in fn(*args):
                yield item

        return agen
    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def coroutine(*args: Any) -> Any:
            check(validator, args)
            return await fn(*args)

        return coroutine
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def generator(*args: Any) -> Iterator[Any]:
            check(validator, args)
            yield from fn(*args)

        return generator

    @functools.wraps(fn)
    def plain(*args: Any) -> Any:
        check(validator, args)
        return fn(*args)

    return plain

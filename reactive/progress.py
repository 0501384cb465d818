"""``rx.Progress``: report how far a function has got; the page shows a bar with an ETA.

Example::

    @app.fn(inputs=rx.Number(), outputs=rx.Text())
    def work(n, progress=rx.Progress()):
        progress(0, "starting")
        for item in progress.tqdm(range(int(n)), desc="working"):
            time.sleep(0.1)
        return "done"
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from reactive.runcontext import ProgressReport, current

T = TypeVar("T")

log = logging.getLogger("reactive")


class Progress:
    """Give it as a keyword default (``progress=rx.Progress()``) and call it while running.

    Calls outside a run do nothing. ``track_tqdm`` is accepted for Gradio compatibility; use
    :meth:`tqdm` to wrap iterables instead.
    """

    def __init__(self, track_tqdm: bool = False) -> None:
        self.track_tqdm = track_tqdm

    def __call__(
        self,
        progress: float | tuple[int, int | None] | None,
        desc: str | None = None,
        total: int | None = None,
        unit: str = "steps",
        _tqdm: Any = None,
    ) -> float | None:
        """Report ``progress`` (0..1, or a ``(done, total)`` pair, or None for "busy")."""
        fraction, index, count = _fraction(progress, total)
        context = current.get()
        if context is not None:
            context.progress(ProgressReport(fraction, desc, index, count, unit))
        return fraction

    def tqdm(
        self,
        iterable: Iterable[T],
        desc: str | None = None,
        total: int | None = None,
        unit: str = "steps",
        *args: Any,
        **kwargs: Any,
    ) -> Iterator[T]:
        """Yield from ``iterable``, reporting each step (its length, if known, is the total)."""
        if total is None:
            try:
                total = len(iterable)  # type: ignore[arg-type]
            except TypeError:
                total = None
        index = 0
        self((index, total), desc, unit=unit)
        for item in iterable:
            yield item
            index += 1
            self((index, total), desc, unit=unit)


def _fraction(
    progress: float | tuple[int, int | None] | None, total: int | None
) -> tuple[float | None, int | None, int | None]:
    if progress is None:
        return None, None, total
    if isinstance(progress, tuple):
        index, count = progress
        count = count if count is not None else total
        if not count:
            return None, index, None
        return min(1.0, max(0.0, index / count)), index, count
    value = float(progress)
    if total:  # progress(3, total=10): a step count
        return min(1.0, max(0.0, value / total)), int(value), total
    return min(1.0, max(0.0, value)), None, None

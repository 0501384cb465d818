"""The per-run state of a streaming output: what turns each yielded value into ordered chunks.

A session opens one :class:`OutputStream` per (run, streaming output) at the first value, takes
the payloads :meth:`~OutputStream.convert` gives for every value, in order, as they come, and at
the end of the run either awaits :meth:`~OutputStream.finish` (the run is done) or
:meth:`~OutputStream.abort` (cancelled or failed). Conversions that take time run off the event
loop (threads, asyncio subprocesses).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncGenerator
from typing import Any


class OutputStream(ABC):
    """Turns one run's values into wire payloads for ``chunk`` events, in order."""

    @abstractmethod
    def convert(self, value: Any) -> AsyncGenerator[Any, None]:
        """The payloads of one yielded value, each as soon as it is ready (maybe none yet).

        Raises OutputError for media it cannot convert.
        """

    async def finish(self) -> list[Any]:
        """The run ended well: payloads still held back (an encoder's tail), then clean up."""
        return []

    async def abort(self) -> None:  # noqa: B027 - most streams hold nothing to release
        """The run was cancelled or failed: stop work at once and release processes and files."""

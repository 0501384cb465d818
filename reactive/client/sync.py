"""``Client``: the blocking facade on :class:`AsyncClient`, its loop in a thread of its own."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Generator
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from reactive.client.core import AsyncClient
from reactive.client.state import FunctionInfo, RunRecord

T = TypeVar("T")


class Job:
    """A call started with :meth:`Client.submit`: wait for it, or stop it on the server."""

    def __init__(self, client: Client, record: RunRecord) -> None:
        self._client = client
        self._record = record

    @property
    def run(self) -> int:
        """The run's id in the session (as the page sees it)."""
        return self._record.run

    def done(self) -> bool:
        return self._record.finished.is_set()

    def result(self, timeout: float | None = None) -> Any:
        """The final output(s); raises ``CallError`` / ``CallCancelled`` as the run ended."""
        return self._client._run(self._client.aio.result(self._record), timeout)

    def cancel(self) -> None:
        """Stop the run on the server (the page's ``cancel``): its function stops for real."""
        self._client._run(self._client.aio.cancel(self._record))


class Client:
    """A blocking client of one reactive app (one WebSocket, resumed if it drops)::

        client = rx.Client("http://127.0.0.1:8000")
        client.call("shout", "hi")            # 'HI'
        for text in client.stream("count", 5): ...
        job = client.submit("slow", 10); job.cancel()

    Arguments and results as in :class:`AsyncClient`; close it (or use ``with``) when done.
    """

    def __init__(
        self,
        url: str,
        *,
        download_dir: str | Path | None = None,
        numpy: bool = False,
        timeout: float = 30.0,
    ) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.name = "reactive-client"
        self._thread.start()
        self.timeout = timeout
        self.aio = AsyncClient(url, download_dir=download_dir, numpy=numpy)
        try:
            self._run(self.aio.connect(), timeout)
        except BaseException:
            self._stop()
            raise

    def _run(self, awaitable: Awaitable[T], timeout: float | None = None) -> T:
        async def wrapped() -> T:
            return await awaitable

        future: Future[T] = asyncio.run_coroutine_threadsafe(wrapped(), self._loop)
        try:
            return future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def session(self) -> str | None:
        return self.aio.session

    def functions(self) -> dict[str, FunctionInfo]:
        """Each exposed function by name, with its inputs' and outputs' types and labels."""
        return self.aio.functions()

    def call(self, name: str, *args: Any, timeout: float | None = None) -> Any:
        """Run ``name`` and return its final output(s) once the run is done."""
        return self.submit(name, *args).result(timeout)

    def submit(self, name: str, *args: Any) -> Job:
        """Start ``name``; returns at once with a :class:`Job`."""
        return Job(self, self._run(self.aio.start(name, *args), self.timeout))

    def stream(self, name: str, *args: Any) -> Generator[Any, None, None]:
        """Yield the output(s) of ``name`` at each update, as they arrive."""
        updates = self.aio.stream(name, *args)
        try:
            while True:
                try:
                    yield self._run(updates.__anext__())
                except StopAsyncIteration:
                    return
        finally:
            self._run(updates.aclose())

    def close(self) -> None:
        if self._loop.is_closed():
            return
        try:
            self._run(self.aio.close(), 10)
        finally:
            self._stop()

    def _stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

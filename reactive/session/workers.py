"""The app's ``run_in="process"`` functions and the one pool of worker processes that runs them.

One per server process (the session manager owns it): started with the server, so the first
call finds warm workers, or on first use when nothing started it (a test driving a session).
Function references are taken only then, once the app's module has finished importing.
"""

from __future__ import annotations

import asyncio

from reactive.definition.app import App
from reactive.definition.graph import BoundFunction
from reactive.scheduler.executor import ProcessTarget
from reactive.scheduler.processes import FunctionRef, ProcessPool


class Workers:
    """Runs an app's process functions; no process is started for an app without any."""

    def __init__(self, app: App) -> None:
        self._app = app
        self._functions = [f for f in app.functions if f.run_in == "process"]
        self._refs: dict[str, FunctionRef] = {}
        self._pool: ProcessPool | None = None
        self._starting = asyncio.Lock()

    @property
    def pool(self) -> ProcessPool | None:
        return self._pool

    async def start(self) -> None:
        """Start the pool (idempotent); a function a worker could not import raises here."""
        async with self._starting:
            if self._pool is not None or not self._functions:
                return
            refs = {f.id: FunctionRef.of(f.fn) for f in self._functions}
            pool = ProcessPool(self._app.process_workers)
            await pool.start(list(refs.values()))
            self._refs, self._pool = refs, pool

    async def target(self, function: BoundFunction) -> ProcessTarget | None:
        """Where ``function`` runs: a worker process, or None for a thread (or the loop)."""
        if function.run_in != "process":
            return None
        if self._pool is None:
            await self.start()
        assert self._pool is not None
        return self._pool, self._refs[function.id]

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await pool.close()

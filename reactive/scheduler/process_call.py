"""One call in a worker process: what to run, how it crosses, and how it can fail.

A :class:`FunctionRef` names a module-level function so a worker can import it. A call is one
``call`` frame out, then ``value`` frames (each acknowledged after ``emit``, which is the
backpressure) and one last frame: ``result``, ``done``, ``raised`` (the user's exception, pickled
when it can be) or ``failed`` (it could not be run or its value could not be pickled).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import pickle
import signal
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reactive.errors import DefinitionError
from reactive.scheduler.forkserver import ProcessError, Worker, read_frame
from reactive.scheduler.process_worker import encode

Emit = Callable[[Any], Awaitable[None]]

# How long a call whose worker vanished waits for the fork server to say how it died.
EXIT_REPORT_SECONDS = 1.0

_ACK = encode(("ack",))


class WorkerDied(ProcessError):
    """The worker process ended during the call; ``exitcode`` is negative for a signal."""

    def __init__(self, message: str, exitcode: int | None) -> None:
        super().__init__(message)
        self.exitcode = exitcode


class RemoteError(ProcessError):
    """User code raised an exception that cannot be pickled back; its type, text and traceback."""

    def __init__(self, label: str, type_name: str, message: str, traceback: str) -> None:
        super().__init__(f"{label} raised {type_name}: {message}")
        self.type_name = type_name
        self.message = message
        self.traceback = traceback


class RemoteTraceback(Exception):  # named as multiprocessing names it
    """The worker's traceback text, chained as ``__cause__`` of an exception from a worker."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f"\n\n{self.text}"


@dataclass(frozen=True, slots=True)
class FunctionRef:
    """Where a worker process finds a function: its module (and file) and qualified name."""

    module: str
    path: str | None
    qualname: str

    @property
    def label(self) -> str:
        return f"{self.module}.{self.qualname}()"

    @classmethod
    def of(cls, fn: Callable[..., Any]) -> FunctionRef:
        """The reference of ``fn``; DefinitionError if a worker could not import it."""
        module_name = getattr(fn, "__module__", None)
        qualname = getattr(fn, "__qualname__", None)
        if not isinstance(module_name, str) or not isinstance(qualname, str):
            raise DefinitionError(_unreachable(repr(fn), "it is not a plain function"))
        label = f"{module_name}.{qualname}()"
        if inspect.iscoroutinefunction(fn) or inspect.isasyncgenfunction(fn):
            raise DefinitionError(
                f"{label} is async: it runs on the event loop, and run_in='process' is for sync "
                f"code. Make it a plain def (or generator), or drop run_in='process'."
            )
        if "<lambda>" in qualname or "<locals>" in qualname:
            raise DefinitionError(_unreachable(label, "it is a lambda or a nested function"))
        module = sys.modules.get(module_name)
        if module is None or _lookup(module, qualname) != fn:
            why = f"the name {module_name}.{qualname} is not bound to it (yet)"
            raise DefinitionError(_unreachable(label, why))
        path = getattr(module, "__file__", None)
        if module_name == "__main__" and not isinstance(path, str):
            raise DefinitionError(_unreachable(label, "__main__ has no file (interactive)"))
        return cls(
            module_name, str(Path(path).resolve()) if isinstance(path, str) else None, qualname
        )


def _lookup(found: object, qualname: str) -> object:
    for part in qualname.split("."):
        found = getattr(found, part, None)
    return found


def _unreachable(label: str, why: str) -> str:
    return (
        f"{label} cannot run in a worker process (run_in='process'): {why}, so the worker "
        f"cannot import it. Define it with `def` at the top level of a module, under its own "
        f"name (a decorator must return the function itself), or drop run_in='process'."
    )


@dataclass(slots=True)
class Returned:
    value: Any


async def converse(worker: Worker, request: bytes, ref: FunctionRef, emit: Emit) -> Returned | None:
    """Send ``request``, emit the values that come back, and leave ``worker.clean`` at the end.

    Returns a plain function's result (to emit once the worker is free again) or None after a
    generator; raises the user's exception, a ProcessError, or WorkerDied if the worker vanished.
    """
    worker.clean = False
    await worker.send(request)
    while (message := await read_frame(worker.reader)) is not None:
        kind = message[0]
        if kind == "value":
            await emit(_unpickle(message[1], ref))
            await worker.send(_ACK)
            continue
        worker.clean = True
        if kind == "result":
            return Returned(_unpickle(message[1], ref))
        if kind == "done":
            return None
        if kind == "failed":
            raise ProcessError(message[1])
        raise _rebuild(message, ref)
    try:
        code = await asyncio.wait_for(asyncio.shield(worker.exited), EXIT_REPORT_SECONDS)
    except TimeoutError:
        code = None
    raise WorkerDied(
        f"The worker process running {ref.label} died ({_how(code)}); a new one is starting.", code
    )


def _how(code: int | None) -> str:
    if code is None:
        return "cause unknown"
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
        return f"killed by signal {-code}"
    return f"exit code {code}"


def encode_request(ref: FunctionRef, args: tuple[Any, ...], generator: bool) -> bytes:
    try:
        blob = pickle.dumps(args, pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        raise ProcessError(
            f"The arguments of {ref.label} cannot be sent to a worker process ({exc}). With "
            f"run_in='process' they must be picklable (str, numbers, lists, dicts, numpy arrays)."
        ) from exc
    return encode(("call", ref.module, ref.path, ref.qualname, generator, blob))


def _unpickle(blob: bytes, ref: FunctionRef) -> Any:
    try:
        return pickle.loads(blob)
    except Exception as exc:
        raise ProcessError(f"A value from {ref.label} could not be read: {exc}") from exc


def _rebuild(message: tuple[Any, ...], ref: FunctionRef) -> BaseException:
    _kind, blob, type_name, text, traceback = message
    error: object = None
    if blob is not None:
        with contextlib.suppress(Exception):
            error = pickle.loads(blob)
    if not isinstance(error, Exception):
        error = RemoteError(ref.label, type_name, text, traceback)
    error.__cause__ = RemoteTraceback(traceback)
    return error

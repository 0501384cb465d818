"""What the client knows of its session, applied as the page applies it (sans-I/O).

The staleness rules are the page's (docs/protocol.md): per function the newest run seen wins, an
older run's events are dropped, and text ``append`` deltas must fit the length they name. Each
call's run keeps its outputs' values and the updates a stream yields.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

FINAL = ("done", "error", "cancelled")


@dataclass(frozen=True, slots=True)
class Parameter:
    """One input or output of a function: its component id, type and label."""

    component: str
    type: str
    label: str | None


@dataclass(frozen=True, slots=True)
class FunctionInfo:
    """A function the app exposes: ``name`` is what ``call`` takes (its wire id)."""

    name: str
    inputs: list[Parameter]
    outputs: list[Parameter]


@dataclass(slots=True)
class RunRecord:
    """One call's run: its outputs as they stand, its updates in order, how it ended."""

    function: FunctionInfo
    run: int
    values: dict[str, Any] = field(default_factory=dict)
    chunks: dict[str, list[Any]] = field(default_factory=dict)  # every streamed chunk, in order
    updates: asyncio.Queue[tuple[str, Any] | None] = field(default_factory=asyncio.Queue)
    state: str | None = None
    message: str | None = None
    finished: asyncio.Event = field(default_factory=asyncio.Event)

    def finish(self, state: str, message: str | None = None) -> None:
        if self.finished.is_set():
            return
        self.state, self.message = state, message
        self.finished.set()
        self.updates.put_nowait(None)


def functions_of(app: dict[str, Any]) -> dict[str, FunctionInfo]:
    """The exposed functions a welcome's ``app`` describes."""
    components = app["components"]

    def parameter(cid: str) -> Parameter:
        spec = components.get(cid, {})
        return Parameter(cid, spec.get("type", "unknown"), spec.get("props", {}).get("label"))

    return {
        fn["id"]: FunctionInfo(
            fn["id"], [parameter(c) for c in fn["inputs"]], [parameter(c) for c in fn["outputs"]]
        )
        for fn in app["fns"]
        if fn.get("api", True)
    }


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class SessionState:
    """The page model of one client's session, and the runs of its calls."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.newest: dict[str, int] = {}  # the newest run seen per function
        self.runs: dict[int, RunRecord] = {}

    def welcome(self, app: dict[str, Any]) -> None:
        self.values = {cid: spec["props"].get("value") for cid, spec in app["components"].items()}
        for record in self.runs.values():  # resumed: a run may have ended while the socket was
            for output in record.function.outputs:  # down; its outputs are as the welcome says
                if output.component in self.values:
                    record.values[output.component] = self.values[output.component]

    def track(self, record: RunRecord) -> None:
        self.runs[record.run] = record
        self._newest(record.function.name, record.run)

    def apply(self, event: dict[str, Any]) -> None:
        """Apply one batch event (``called`` is the client's to handle before the batch)."""
        kind = event["t"]
        function, run = event.get("f"), event.get("r")
        if kind not in ("update", "append", "chunk", "end", "status", "progress", "props"):
            return  # toasts, upload receipts, call answers
        if function is not None and run is not None and not self._newest(function, run):
            return
        record = self.runs.get(run) if isinstance(run, int) else None
        if kind == "status":
            if record is not None and event["s"] in FINAL:
                self.runs.pop(record.run, None)
                record.finish(event["s"], event.get("msg"))
        elif kind == "update":
            self.values[event["c"]] = event["v"]
            self._changed(record, event["c"], event["v"])
        elif kind == "append":
            self._append(record, event)
        elif kind == "chunk" and record is not None:
            record.chunks.setdefault(event["c"], []).append(event["v"])
            record.updates.put_nowait((event["c"], event["v"]))

    def _newest(self, function: str, run: int) -> bool:
        newest = self.newest.get(function, 0)
        if run < newest:
            return False
        if run > newest:
            self.newest[function] = run
            self._supersede(function, run)
        return True

    def _supersede(self, function: str, run: int) -> None:
        """A newer run of ``function`` started: its older calls will never finish."""
        for record in [r for r in self.runs.values() if r.function.name == function]:
            if record.run < run:
                self.runs.pop(record.run, None)
                record.finish("cancelled", f"superseded by a newer run of {function}")

    def _append(self, record: RunRecord | None, event: dict[str, Any]) -> None:
        component = event["c"]
        current: Any = self.values.get(component) or ""
        chat = isinstance(current, list)
        text = current[-1]["content"] if chat and current else current
        if not isinstance(text, str) or utf16_length(text) != event["at"]:
            return  # the server never sends a delta that does not fit: nothing to do but drop
        if chat:
            value: Any = [*current[:-1], {**current[-1], "content": text + event["d"]}]
        else:
            value = text + event["d"]
        self.values[component] = value
        self._changed(record, component, value)

    @staticmethod
    def _changed(record: RunRecord | None, component: str, value: Any) -> None:
        if record is not None:
            record.values[component] = value
            record.updates.put_nowait((component, value))

    def lost(self, message: str) -> None:
        """The session is gone: no run of it will finish."""
        for record in self.runs.values():
            record.finish("lost", message)
        self.runs.clear()

    def moved(self, message: str) -> None:
        """The session was restored elsewhere: its runs are over, and run ids start again."""
        self.lost(message)
        self.newest.clear()

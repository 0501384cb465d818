"""The ``--api`` table: each target's median and p99, as ratios against its floor (and rx.Client).

Pure: figures in, lines out, so that the table and the n/a rows are tested without a server.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

SOCKET_FLOOR = "raw WebSocket (msgpack echo)"
CLIENT = "rx.Client.call"
HTTP_FLOOR = "bare Starlette route"
API = "POST /api/shout"
GRADIO = "gradio_client predict"


@dataclass(frozen=True)
class Figure:
    """The median and 99th percentile of one target's round trips, in milliseconds."""

    median: float
    p99: float
    calls: int

    @classmethod
    def of(cls, samples: list[float]) -> Figure:
        if len(samples) < 2:
            raise ValueError(f"need at least 2 round trips for a p99, got {len(samples)}")
        p99 = statistics.quantiles(samples, n=100, method="inclusive")[98]
        return cls(statistics.median(samples), p99, len(samples))


@dataclass(frozen=True)
class NotAvailable:
    """A target that could not be measured in this run, and why (shown in its row)."""

    why: str


Result = Figure | NotAvailable

#: target → the floor its "× floor" column divides by; rx.Client is the other baseline.
FLOORS = {CLIENT: SOCKET_FLOOR, API: HTTP_FLOOR, GRADIO: SOCKET_FLOOR}
ORDER = (SOCKET_FLOOR, CLIENT, GRADIO, HTTP_FLOOR, API)
HEADER = f"{'target':30} {'median ms':>10} {'p99 ms':>8} {'× floor':>8} {'× rx.Client':>12}"


def _ratio(figure: Figure, baseline: Result | None) -> str:
    if not isinstance(baseline, Figure):
        return ""
    return f"{figure.median / baseline.median:.1f}"


def row(name: str, results: dict[str, Result]) -> str:
    """One line of the table: a figure with its ratios, or ``n/a: why``."""
    found = results[name]
    if isinstance(found, NotAvailable):
        return f"{name:30} n/a: {found.why}"
    floor = _ratio(found, results.get(FLOORS[name])) if name in FLOORS else "1.0"
    versus_client = _ratio(found, results.get(CLIENT)) if name in (CLIENT, GRADIO) else ""
    return f"{name:30} {found.median:10.2f} {found.p99:8.2f} {floor:>8} {versus_client:>12}"


def render(results: dict[str, Result]) -> list[str]:
    """The header and one row per target present, in a fixed order."""
    return [HEADER, *(row(name, results) for name in ORDER if name in results)]

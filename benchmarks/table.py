"""The summary table: one row per figure, reactive next to the floor, the target and peers.

Targets and peer figures are quoted from the issue (peers were measured earlier on this machine,
in headless Chromium, on the same workloads: Gradio 6.31, Shiny 1.8, Streamlit 1.67,
NiceGUI 3.18); they are not re-measured here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from benchmarks.measures import ImageRun, KeystrokeSamples, Results, StreamRun, TypingRun
from benchmarks.payloads import IMAGES
from benchmarks.stats import median, percentile, ratio

Run = TypeVar("Run")
HEADERS = ("figure", "reactive", "floor", "ratio", "target", "best peer (quoted)")
KIB = 1024


@dataclass(frozen=True)
class Row:
    figure: str
    reactive: str
    floor: str
    ratio: str
    target: str
    peer: str
    #: The numbers behind the text, for the JSON report.
    values: dict[str, float | None] = field(default_factory=dict)

    def cells(self) -> tuple[str, ...]:
        return (self.figure, self.reactive, self.floor, self.ratio, self.target, self.peer)


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} ms"


def _times(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def timed_row(figure: str, reactive: float, floor: float | None, target: str, peer: str) -> Row:
    """A row of two durations and their ratio."""
    share = ratio(reactive, floor) if floor is not None else None
    values = {"reactive": reactive, "floor": floor, "ratio": share}
    return Row(figure, _ms(reactive), _ms(floor), _times(share), target, peer, values)


def _median_of(runs: Sequence[Run], pick: Callable[[Run], float]) -> float:
    return median([pick(run) for run in runs])


# ---------------------------------------------------------------- workload 1


def keystroke_rows(reactive: KeystrokeSamples, floor: KeystrokeSamples) -> list[Row]:
    n = len(reactive.painted)
    return [
        timed_row(
            f"keystroke → output painted, p50 (n={n})",
            percentile(reactive.painted, 50),
            percentile(floor.painted, 50),
            "≤ 1.1× floor",
            "NiceGUI at the floor; Gradio 4.3×, Shiny 28×",
        ),
        timed_row(
            f"keystroke → output painted, p99 (n={n})",
            percentile(reactive.painted, 99),
            percentile(floor.painted, 99),
            "—",
            "—",
        ),
        timed_row(
            "keystroke → output in the DOM, p50",
            percentile(reactive.dom, 50),
            percentile(floor.dom, 50),
            "—",
            "—",
        ),
    ]


# ---------------------------------------------------------------- workload 2


def typing_rows(variant: str, reactive: list[TypingRun], floor: list[TypingRun]) -> list[Row]:
    label = f"20 keys / 30 ms → 100 ms {variant} fn"
    started = _median_of(reactive, lambda r: r.started)
    finished = _median_of(reactive, lambda r: r.finished)
    floor_started = _median_of(floor, lambda r: r.started)
    floor_finished = _median_of(floor, lambda r: r.finished)
    return [
        timed_row(
            f"{label}: last key → final output painted",
            _median_of(reactive, lambda r: r.painted),
            _median_of(floor, lambda r: r.painted),
            "≤ 115 ms",
            "Gradio 173 ms, Shiny 358, NiceGUI 1468",
        ),
        Row(
            f"{label}: runs started / finished",
            f"{started:.0f} / {finished:.0f}",
            f"{floor_started:.0f} / {floor_finished:.0f}",
            "—",
            "superseded runs stopped",
            "Gradio ran 6 stale runs to the end",
            {
                "reactive_started": started,
                "reactive_finished": finished,
                "floor_started": floor_started,
                "floor_finished": floor_finished,
            },
        ),
    ]


# ---------------------------------------------------------------- workload 3


def stream_rows(variant: str, reactive: list[StreamRun], floor: list[StreamRun]) -> list[Row]:
    label = f"2000-token stream, {variant} gen"
    share = _median_of(reactive, lambda r: r.wire_bytes / r.text_length)
    floor_share = _median_of(floor, lambda r: r.wire_bytes / r.text_length)
    return [
        timed_row(
            f"{label}: click → first text painted",
            _median_of(reactive, lambda r: r.first_painted),
            _median_of(floor, lambda r: r.first_painted),
            "≤ 15 ms",
            "—",
        ),
        timed_row(
            f"{label}: click → final text painted",
            _median_of(reactive, lambda r: r.painted),
            _median_of(floor, lambda r: r.painted),
            "≤ 50 ms",
            "422 ms; Gradio 2.4 s",
        ),
        Row(
            f"{label}: wire bytes / final text",
            _times(share),
            _times(floor_share),
            _times(ratio(share, floor_share)),
            "≤ 2×",
            "Shiny, Streamlit 29×; NiceGUI 320×",
            {"reactive": share, "floor": floor_share},
        ),
    ]


# ---------------------------------------------------------------- workload 4


def _per_image(run: ImageRun) -> float:
    return run.wire_bytes / IMAGES  # per picture the app yielded, whether the page showed it


def image_rows(reactive: list[ImageRun], floor: list[ImageRun]) -> list[Row]:
    received = _median_of(reactive, lambda r: r.received)
    shown = _median_of(reactive, lambda r: r.shown)
    painted = _median_of(reactive, lambda r: r.painted)
    floor_received = _median_of(floor, lambda r: r.received)
    floor_shown = _median_of(floor, lambda r: r.shown)
    floor_painted = _median_of(floor, lambda r: r.painted)
    per_image = _median_of(reactive, _per_image)
    floor_per_image = _median_of(floor, _per_image)
    encoded = reactive[0].expected_final_bytes
    floor_encoded = floor[0].expected_final_bytes
    peer = "Gradio, Shiny ~690 ms; raw ws + PNG 600 ms"
    return [
        timed_row(
            "31 images: click → last image set (src)",
            _median_of(reactive, lambda r: r.last_set),
            _median_of(floor, lambda r: r.last_set),
            "≤ 300 ms",
            peer,
        ),
        timed_row(
            "31 images: click → last image painted",
            _median_of(reactive, lambda r: r.last_painted),
            _median_of(floor, lambda r: r.last_painted),
            "≤ 300 ms",
            peer,
        ),
        Row(
            "31 images: received / shown (src set) / painted",
            f"{received:.0f} / {shown:.0f} / {painted:.0f}",
            f"{floor_received:.0f} / {floor_shown:.0f} / {floor_painted:.0f}",
            "—",
            f"{IMAGES} received",
            "—",
            {
                "reactive_received": received,
                "reactive_shown": shown,
                "reactive_painted": painted,
                "floor_received": floor_received,
                "floor_shown": floor_shown,
                "floor_painted": floor_painted,
            },
        ),
        Row(
            "31 images: wire bytes per image sent",
            f"{per_image / KIB:.1f} KiB = {per_image / encoded:.2f}× JPEG",
            f"{floor_per_image / KIB:.1f} KiB = {floor_per_image / floor_encoded:.2f}× PNG",
            _times(ratio(per_image, floor_per_image)),
            "binary (base64 would be 1.33×)",
            "—",
            {"reactive": per_image, "floor": floor_per_image},
        ),
    ]


# ---------------------------------------------------------------- all


def build_rows(results: Results) -> list[Row]:
    rows: list[Row] = []
    if results.keystrokes:
        rows += keystroke_rows(results.keystrokes["reactive"], results.keystrokes["floor"])
    floor_typing = results.typing.get("floor", [])
    for variant in ("sync", "async"):
        if f"reactive {variant}" in results.typing:
            rows += typing_rows(variant, results.typing[f"reactive {variant}"], floor_typing)
    floor_stream = results.stream.get("floor", [])
    for variant in ("async", "sync"):
        if f"reactive {variant}" in results.stream:
            rows += stream_rows(variant, results.stream[f"reactive {variant}"], floor_stream)
    if results.images:
        rows += image_rows(results.images["reactive"], results.images["floor"])
    return rows


def render(rows: Sequence[Row], headers: Sequence[str] = HEADERS) -> str:
    """A Markdown table, padded so that it also reads as plain text."""
    lines = [tuple(headers), *(row.cells() for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(headers))]

    def fmt(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([fmt(headers), rule, *(fmt(cells) for cells in lines[1:])])


NOTES = (
    "Times are medians over the runs, measured in the page with performance.now(): from the "
    "input event dispatch or the button click to the change seen by a MutationObserver "
    '("in the DOM", "set") or to the end of the first rendering that includes it ("painted").',
    "Floor: a raw `websockets` server (asyncio API, compression off) and a hand-written page, one "
    "socket per workload, raw text frames (no JSON or msgpack envelope) and binary PNG frames; "
    "the page writes into the DOM in its onmessage handler. Typing floor: an asyncio task "
    "cancelled by each keystroke. Stream floor: one frame per token.",
    "reactive is served by `reactive.cli.serve`, as `reactive run` serves it (uvicorn, "
    "websockets sans-I/O, no permessage-deflate); each server runs in its own process. "
    "reactive applies a batch at once when nothing waits and later ones in the next frame's "
    "callback (one apply per rendered frame). Images: reactive sends JPEG (its default for "
    "opaque images), the floor PNG.",
    "ratio = reactive / floor. Wire bytes: payloads of frames received by the page during the "
    "run (Playwright framereceived, after decompression).",
)

"""The peers' table: one row per figure, one column per framework, each cell with its ratio."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.peers.driver import Figures

COLUMNS = ("reactive", "floor", "gradio", "shiny", "streamlit", "nicegui")
KIB = 1024


@dataclass
class Column:
    """One framework's figures, and why some are missing (``workload → reason``)."""

    figures: Figures = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    version: str = ""


@dataclass(frozen=True)
class Figure:
    label: str
    key: str
    workload: str  # for "n/a: why" (Column.missing)
    fmt: Callable[[Figures, str], str | None]
    #: ratios against the floor are shown for durations and sizes, not for counts
    ratio: bool = True
    plot: bool = False  # on the latency plot


def _ms(figures: Figures, key: str) -> str | None:
    return f"{figures[key]:.0f} ms" if key in figures else None


def _kib(figures: Figures, key: str) -> str | None:
    return f"{figures[key] / KIB:.0f} KiB" if key in figures else None


def _plain_kib(figures: Figures, key: str) -> str | None:
    return f"{figures[key]:.0f} KiB" if key in figures else None


def _times(figures: Figures, key: str) -> str | None:
    return f"{figures[key]:.1f}×" if key in figures else None


def _pair(first: str, second: str) -> Callable[[Figures, str], str | None]:
    def fmt(figures: Figures, key: str) -> str | None:
        if f"{key} {first}" not in figures:
            return None
        return f"{figures[f'{key} {first}']:.0f} / {figures[f'{key} {second}']:.0f}"

    return fmt


FIGURES = (
    Figure("keystroke → output painted, p50", "keystroke p50", "keystroke", _ms, plot=True),
    Figure("keystroke → output painted, p99", "keystroke p99", "keystroke", _ms, plot=True),
    Figure(
        "20 keys / 30 ms → 100 ms fn: last key → final painted",
        "typing final",
        "typing",
        _ms,
        plot=True,
    ),
    Figure(
        "… runs started / finished (of 20 keys)",
        "typing",
        "typing",
        _pair("started", "finished"),
        ratio=False,
    ),
    Figure("2000-token stream: click → first text painted", "stream first", "stream", _ms),
    Figure(
        "2000-token stream: click → final text painted", "stream final", "stream", _ms, plot=True
    ),
    Figure(
        "2000-token stream: bytes received / final text",
        "stream bytes per char",
        "stream",
        _times,
        ratio=False,  # already a ratio, and the floor's is 1.0×
    ),
    Figure("31 images, burst: click → last painted", "images burst last", "images", _ms, plot=True),
    Figure(
        "… images shown / painted", "images burst", "images", _pair("shown", "painted"), ratio=False
    ),
    Figure("… bytes received per image received", "images burst bytes per image", "images", _kib),
    Figure(
        "31 images, one per 40 ms: click → last painted",
        "images paced last",
        "paced",
        _ms,
        plot=True,
    ),
    Figure(
        "… images shown / painted", "images paced", "paced", _pair("shown", "painted"), ratio=False
    ),
    Figure("server memory per idle session", "memory per idle session", "memory", _plain_kib),
    Figure("streamed audio: first sound", "audio first", "audio", _ms),
)


def _cell(figure: Figure, column: Column, floor: Column) -> str:
    text = figure.fmt(column.figures, figure.key)
    if text is None:
        return column.missing.get(figure.workload, "—")
    base = floor.figures.get(figure.key)
    value = column.figures.get(figure.key)
    if figure.ratio and column is not floor and base and value is not None:
        text += f" ({value / base:.1f}×)"
    return text


def rows(columns: dict[str, Column]) -> list[tuple[str, ...]]:
    floor = columns["floor"]
    return [
        (figure.label, *(_cell(figure, columns[name], floor) for name in COLUMNS))
        for figure in FIGURES
    ]


def render_table(columns: dict[str, Column]) -> str:
    headers = ("figure", *(f"{name} {columns[name].version}".strip() for name in COLUMNS))
    return render_cells(headers, rows(columns))


def render_cells(headers: tuple[str, ...], body: list[tuple[str, ...]]) -> str:
    """A Markdown table, padded so that it also reads as plain text."""
    lines = [headers, *body]
    widths = [max(len(line[i]) for line in lines) for i in range(len(headers))]

    def fmt(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([fmt(headers), rule, *(fmt(cells) for cells in body)])

"""``python -m benchmarks.media_run [--quick]``: the streaming media benchmarks and their table.

Also run by ``python -m benchmarks --media``. Figures (targets from issue 3):

- audio streams of 100 ms and of 1 s chunks from burst producers (every chunk yielded at
  once, as a text-to-speech model faster than real time does) and from real-time ones, 20
  fresh pages each (issue 8): first sound after the first yield (≤ 100 ms), and 0 gaps, 0
  clicks and the exact length in every run, recorded as played;
- first video frame after the first yield (≤ 250 ms), in Chromium;
- total gap time and clicks over 10 s of 20 ms audio chunks yielded in real time (0 and 0);
- server CPU time per second of streamed audio and of 640×480 video;
- bytes on the wire per byte of media payload;
- ten concurrent 640×480 video streams at real time in one server process.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from typing import Any

from playwright.sync_api import sync_playwright

from benchmarks import environment, media_browser, media_load
from benchmarks.browser import CHROMIUM, LAUNCH_ARGS
from benchmarks.media_server import MediaServer
from benchmarks.report import RESULTS_DIR

MEDIA_JSON = RESULTS_DIR / "media.json"


@dataclass(frozen=True)
class Plan:
    latency_runs: int
    gap_seconds: float
    stream_runs: int


FULL = Plan(latency_runs=3, gap_seconds=10.0, stream_runs=20)
QUICK = Plan(latency_runs=3, gap_seconds=5.0, stream_runs=5)

# (key, chunk seconds, stream seconds, paced): the producers of the stream rows. Each stream
# is as short as its case allows (20 runs of each must fit in --media's ~4 minutes).
STREAMS = [
    ("burst_100ms", 0.1, 2.0, False),
    ("burst_1s", 1.0, 2.0, False),
    ("real_time_100ms", 0.1, 0.5, True),
    ("real_time_1s", 1.0, 2.0, True),
]


@dataclass(frozen=True)
class Row:
    figure: str
    value: str
    target: str
    ok: bool | None  # None: no target


def measure(plan: Plan) -> tuple[list[Row], dict[str, Any]]:
    raw: dict[str, Any] = {}
    with MediaServer() as server, sync_playwright() as playwright:
        args = LAUNCH_ARGS + media_browser.BROWSER_ARGS
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        try:
            for key, chunk, seconds, pace in STREAMS:
                raw[key] = media_browser.stream(
                    browser, server, chunk, seconds, pace, plan.stream_runs
                )
            raw["first_frame_numpy"] = media_browser.first_frame(
                browser, server, "numpy", plan.latency_runs
            )
            raw["first_frame_mp4"] = media_browser.first_frame(
                browser, server, "mp4", plan.latency_runs
            )
            raw["gaps_20ms"] = media_browser.gaps(browser, server, 0.02, plan.gap_seconds)
        finally:
            browser.close()
        raw["costs"] = media_load.costs(server)
        raw["ten_streams"] = media_load.concurrent(server, 10, 10)
    return rows(raw), raw


def rows(raw: dict[str, Any]) -> list[Row]:
    out = [_stream_row(raw[key]) for key, *_ in STREAMS]
    for key, what in (("first_frame_numpy", "numpy frames"), ("first_frame_mp4", "an mp4 file")):
        frame: media_browser.Latency = raw[key]
        out.append(
            Row(
                f"first video frame after the first yield, 640×480, {what}",
                f"{frame.median_ms:.0f} ms; worst {frame.worst_ms:.0f} ms",
                "≤ 250 ms",
                frame.median_ms <= 250,
            )
        )
    for key in ("gaps_20ms",):
        gap: media_browser.Gaps = raw[key]
        out.append(
            Row(
                f"{gap.seconds:.0f} s of {gap.chunk_ms:.0f} ms chunks in real time: gap time, "
                "clicks (played length; audio-thread dropouts)",
                f"{gap.gap_ms:.0f} ms, {gap.clicks} clicks ({gap.played_s:.3f} s; {gap.dropouts})",
                "0 ms, 0 clicks",
                gap.gap_ms == 0 and gap.clicks == 0,
            )
        )
    for cost in raw["costs"]:
        out.append(
            Row(
                f"server CPU per second of media: {cost.case}",
                f"{cost.cpu_per_second * 1000:.0f} ms",
                "",
                None,
            )
        )
    ratios = ", ".join(f"{c.wire_ratio:.3f}" for c in raw["costs"])
    out.append(Row("wire bytes per media byte (same four cases)", ratios, "", None))
    ten: media_load.Concurrent = raw["ten_streams"]
    out.append(
        Row(
            "ten 640×480 video streams at real time in one process: first chunk, lag growth "
            "over 10 s, server CPU (of 2 cores)",
            f"{'yes' if ten.real_time else 'NO'}: {ten.first_lag:.2f} s, "
            f"{ten.growth:+.2f} s, {ten.cpu_share:.2f}",
            "yes",
            ten.real_time,
        )
    )
    return out


def _stream_row(run: media_browser.Stream) -> Row:
    rendered = statistics.median(run.rendered_ms)
    heard = rendered + run.output_latency_ms
    chunks = round(run.seconds * 1000 / run.chunk_ms)
    size = f"{run.chunk_ms / 1000:.0f} s" if run.chunk_ms >= 1000 else f"{run.chunk_ms:.0f} ms"
    return Row(
        f"{run.case}: {chunks} × {size} chunks, {run.runs} fresh pages: first sound rendered "
        "(heard) median, worst; runs with no gap, no click and the exact length "
        "(in all: gaps, clicks, chunks that came too late to follow on, audio-device underruns)",
        f"{rendered:.0f} ms ({heard:.0f} ms), worst {max(run.rendered_ms):.0f} ms; "
        f"{run.clean}/{run.runs} ({sum(run.gaps)}, {sum(run.clicks)}, {run.late}, "
        f"{run.dropouts})",
        "≤ 100 ms; all runs",
        rendered <= 100 and run.clean == run.runs,
    )


def render(table: list[Row]) -> str:
    lines = ["| figure | reactive | target |", "|---|---|---|"]
    for row in table:
        mark = "" if row.ok is None else (" ✓" if row.ok else " ✗")
        lines.append(f"| {row.figure} | {row.value}{mark} | {row.target} |")
    return "\n".join(lines)


def run(quick: bool = False) -> int:
    plan = QUICK if quick else FULL
    began = time.monotonic()
    table, raw = measure(plan)
    for name, value in environment.collect().items():
        print(f"{name}: {value}")
    print(f"media plan: {plan}; {time.monotonic() - began:.0f} s\n")
    print(render(table))
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    report = {"rows": [asdict(r) for r in table], "raw": {k: _plain(v) for k, v in raw.items()}}
    MEDIA_JSON.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    print(f"\nraw results: {MEDIA_JSON}")
    return 0 if all(row.ok is not False for row in table) else 1


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return asdict(value) if hasattr(value, "__dataclass_fields__") else value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.media_run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs, 5 s gap streams")
    return run(parser.parse_args(argv).quick)


if __name__ == "__main__":
    sys.exit(main())

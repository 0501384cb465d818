"""``python -m benchmarks [--quick] [--only NAME] [--media | --capture | --runtime]``: run, print
the table."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time

from benchmarks import environment
from benchmarks.checks import problems
from benchmarks.report import write_json
from benchmarks.runner import FULL, QUICK, WORKLOADS, Plan, run
from benchmarks.runtime_run import RUNTIME_ROWS
from benchmarks.table import NOTES, build_rows, render


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs (under a minute)")
    parser.add_argument(
        "--only",
        choices=(*WORKLOADS, *RUNTIME_ROWS),
        help=f"run one workload ({', '.join(RUNTIME_ROWS)}: with --runtime)",
    )
    parser.add_argument("--media", action="store_true", help="the streaming media benchmarks")
    parser.add_argument(
        "--api", action="store_true", help="call round trips: rx.Client and POST /api vs floors"
    )
    parser.add_argument(
        "--gradio",
        action="store_true",
        help="with --api: gradio_client against a Gradio app (its own venv) in the same run",
    )
    parser.add_argument(
        "--capture", action="store_true", help="streaming microphone and webcam inputs"
    )
    parser.add_argument(
        "--soak", action="store_true", help="sessions cycling connect/stream/abort for minutes"
    )
    parser.add_argument("--minutes", type=float, default=10.0, help="with --soak (default 10)")
    parser.add_argument("--sessions", type=int, default=1000, help="with --soak (default 1000)")
    parser.add_argument(
        "--scale", action="store_true", help="idle sessions held, many sessions typing at once"
    )
    parser.add_argument("--idle-sessions", type=int, default=10_000, help="with --scale")
    parser.add_argument("--active-sessions", type=int, default=1000, help="with --scale")
    parser.add_argument("--rate", type=float, default=5.0, help="keys/s each, with --scale")
    parser.add_argument("--seconds", type=float, default=10.0, help="typing time, with --scale")
    parser.add_argument(
        "--peers",
        action="store_true",
        help="Gradio, Shiny, Streamlit and NiceGUI (own venvs) next to ours and the floor",
    )
    parser.add_argument(
        "--runtime",
        action="store_true",
        help="the session-runtime rows: server CPU per key, blocking calls, stops, typing",
    )
    return parser


def _progress(name: str) -> None:
    print(f"running {name}…", file=sys.stderr, flush=True)


def _describe(plan: Plan, seconds: float) -> str:
    parts = [f"plan: {plan.runs} runs per figure after {plan.warmups} warm-up (medians shown)"]
    if "keystroke" in plan.selected():
        parts.append(f"{plan.keystroke_rounds * plan.keystrokes_per_round} keystrokes per page")
    return "; ".join([*parts, f"{seconds:.0f} s"])


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.soak:  # benchmarks/soak.py: RSS, tasks, threads and fds over time, and a plot
        from benchmarks.soak import run as run_soak

        return run_soak(args.minutes, args.sessions)
    if args.scale:  # benchmarks/scale.py: memory per idle session, p99 under many typists
        from benchmarks.scale import run as run_scale

        return run_scale(args.idle_sessions, args.active_sessions, args.rate, args.seconds)
    if args.gradio and not args.api:
        _parser().error("--gradio needs --api")
    if args.api:  # benchmarks/api_bench.py: its own servers and table
        from benchmarks.api_bench import run as run_api

        return run_api(args.quick, args.gradio)
    if args.capture:  # benchmarks/capture_*.py: fake devices, reactive against a raw page
        from benchmarks.capture_run import run as run_capture

        return run_capture(args.quick)
    if args.peers:  # benchmarks/peers/: the peers in their own venvs, docs/benchmarks.md
        from benchmarks.peers.run import run as run_peers

        return run_peers(args.quick, _progress)
    if args.media:  # benchmarks/media_*.py: their own servers, pages and table
        from benchmarks.media_run import run as run_media

        return run_media(args.quick)
    if args.runtime and args.only in WORKLOADS:
        _parser().error(f"--only {args.only} is not a --runtime row ({', '.join(RUNTIME_ROWS)})")
    if args.runtime:  # benchmarks/runtime_*.py: protocol-level pages, their own table
        from benchmarks.runtime_run import run as run_runtime

        return run_runtime(args.quick, args.only)
    if args.only in RUNTIME_ROWS:
        _parser().error(f"--only {args.only} needs --runtime")
    plan = dataclasses.replace(QUICK if args.quick else FULL, only=args.only)
    env = environment.collect()
    start = time.monotonic()
    results, chromium = run(plan, _progress)
    seconds = time.monotonic() - start
    env["chromium"] = chromium
    rows = build_rows(results)
    found = problems(results)
    for name, value in env.items():
        print(f"{name}: {value}")
    print(_describe(plan, seconds) + "\n")
    print(render(rows))
    print()
    for note in NOTES:
        print(f"- {note}")
    for problem in found:
        print(f"PROBLEM: {problem}")
    path = write_json(env, plan, rows, results, found, seconds)
    print(f"\nraw results: {path}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

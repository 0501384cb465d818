"""``python -m benchmarks [--quick] [--only NAME]``: run the benchmarks and print the table."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time

from benchmarks import environment
from benchmarks.checks import problems
from benchmarks.report import write_json
from benchmarks.runner import FULL, QUICK, WORKLOADS, Plan, run
from benchmarks.table import NOTES, build_rows, render


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs (under a minute)")
    parser.add_argument("--only", choices=WORKLOADS, help="run one workload")
    parser.add_argument("--media", action="store_true", help="the streaming media benchmarks")
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
    if args.media:  # benchmarks/media_*.py: their own servers, pages and table
        from benchmarks.media_run import run as run_media

        return run_media(args.quick)
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

"""Starts both servers and Chromium, then runs the chosen workloads, alternating the two pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from playwright.sync_api import sync_playwright

from benchmarks import workloads
from benchmarks.apps import build_app
from benchmarks.browser import launch
from benchmarks.floor import FloorServer
from benchmarks.measures import KeystrokeSamples, Results
from benchmarks.servers import reactive_server
from benchmarks.targets import Target, floor_target, reactive_target

WORKLOADS = ("keystroke", "typing", "stream", "images")


@dataclass(frozen=True)
class Plan:
    runs: int  # measured runs of workloads 2-4, per series
    warmups: int  # unmeasured runs first
    keystroke_rounds: int
    keystrokes_per_round: int  # per target and round
    only: str | None = None

    def selected(self) -> tuple[str, ...]:
        return WORKLOADS if self.only is None else (self.only,)


FULL = Plan(runs=7, warmups=1, keystroke_rounds=6, keystrokes_per_round=50)
QUICK = Plan(runs=3, warmups=1, keystroke_rounds=3, keystrokes_per_round=35)


def run(plan: Plan, progress: Callable[[str], None]) -> tuple[Results, str]:
    """Every selected workload on both pages; returns the results and Chromium's version."""
    bench = build_app()
    results = Results()
    with reactive_server(bench) as server, FloorServer() as floor, sync_playwright() as pw:
        browser = launch(pw)
        try:
            # One context (window) per page: a second tab in the same window gets its
            # animation frames throttled to 1 Hz by headless Chromium.
            targets = [
                reactive_target(browser.new_context(), server.url, bench),
                floor_target(browser.new_context(), floor.url, floor.typing_runs),
            ]
            for name in plan.selected():
                progress(name)
                _RUNNERS[name](targets, plan, results)
            return results, browser.version
        finally:
            browser.close()


def _alternating(targets: list[Target], rounds: int) -> Iterator[tuple[int, Target]]:
    """Each round visits every target, the order flipping each round to spread drift evenly."""
    for index in range(rounds):
        for target in targets if index % 2 == 0 else reversed(targets):
            yield index, target


def _keystrokes(targets: list[Target], plan: Plan, results: Results) -> None:
    for target in targets:
        workloads.keystrokes(target, 20)  # warm-up
        results.keystrokes[target.name] = KeystrokeSamples()
    for _, target in _alternating(targets, plan.keystroke_rounds):
        samples = workloads.keystrokes(target, plan.keystrokes_per_round)
        results.keystrokes[target.name].extend(samples)


def _typing(targets: list[Target], plan: Plan, results: Results) -> None:
    for index, target in _alternating(targets, plan.warmups + plan.runs):
        for variant in target.typing_runs:
            measured = workloads.typing(target, variant)
            if index >= plan.warmups:
                results.typing.setdefault(target.series(variant), []).append(measured)


def _stream(targets: list[Target], plan: Plan, results: Results) -> None:
    for index, target in _alternating(targets, plan.warmups + plan.runs):
        for variant in target.stream_variants:
            measured = workloads.stream(target, variant)
            if index >= plan.warmups:
                results.stream.setdefault(target.series(variant), []).append(measured)


def _images(targets: list[Target], plan: Plan, results: Results) -> None:
    for index, target in _alternating(targets, plan.warmups + plan.runs):
        measured = workloads.images(target)
        if index >= plan.warmups:
            results.images.setdefault(target.name, []).append(measured)


_RUNNERS: dict[str, Callable[[list[Target], Plan, Results], None]] = {
    "keystroke": _keystrokes,
    "typing": _typing,
    "stream": _stream,
    "images": _images,
}

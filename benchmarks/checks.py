"""Sanity checks on the runs: a figure is worthless if the page did not end in the right state."""

from __future__ import annotations

from benchmarks.measures import Results
from benchmarks.stats import median

# A rendering more than this long after the DOM change means animation frames were throttled.
THROTTLED_MS = 100.0


def problems(results: Results) -> list[str]:
    found: list[str] = []
    for series, samples in results.keystrokes.items():
        lag = median([p - d for p, d in zip(samples.painted, samples.dom, strict=True)])
        if lag > THROTTLED_MS:
            found.append(f"keystrokes, {series}: painting lags the DOM by {lag:.0f} ms (throttled)")
    for series, typing_runs in results.typing.items():
        stale = sum(run.stale_shown for run in typing_runs)
        if stale:
            found.append(f"typing, {series}: {stale} stale output(s) reached the page")
    for series, stream_runs in results.stream.items():
        broken = sum(not run.complete for run in stream_runs)
        if broken:
            found.append(f"stream, {series}: {broken} run(s) ended with the wrong text")
    for series, image_runs in results.images.items():
        wrong = sum(not run.final_correct for run in image_runs)
        if wrong:
            found.append(f"images, {series}: {wrong} run(s) did not end on the final image")
    return found

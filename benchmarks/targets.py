"""A page under test (reactive's or the floor's) and what the workloads need to know about it."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import BrowserContext, Page

from benchmarks.apps import STREAM_VARIANTS, TYPING_VARIANTS, BenchApp
from benchmarks.browser import WireCounter, open_page
from benchmarks.counters import RunCounter
from benchmarks.payloads import final_image, png
from reactive.media.image import to_browser

FLOOR_VARIANT = "raw"


@dataclass(frozen=True)
class Target:
    name: str  # "reactive" or "floor"
    page: Page
    wire: WireCounter
    #: Run counters of the 100 ms functions, by variant (element ids ``typing_{variant}_*``).
    typing_runs: dict[str, RunCounter]
    #: Variants of the text stream (element ids ``stream_{variant}_*``).
    stream_variants: tuple[str, ...]
    #: Size of the last image as this server encodes it.
    final_image_bytes: int

    def series(self, variant: str) -> str:
        """The key of a variant's results: ``reactive sync``, or ``floor`` for the floor."""
        return self.name if variant == FLOOR_VARIANT else f"{self.name} {variant}"


def reactive_target(context: BrowserContext, url: str, bench: BenchApp) -> Target:
    page, wire = open_page(context, url)
    encoded = to_browser(final_image())  # reactive's own encoding (JPEG for opaque images)
    assert encoded is not None
    assert set(bench.typing_runs) == set(TYPING_VARIANTS)
    return Target("reactive", page, wire, bench.typing_runs, STREAM_VARIANTS, len(encoded["data"]))


def floor_target(context: BrowserContext, url: str, typing_runs: RunCounter) -> Target:
    page, wire = open_page(context, url)
    final = len(png(final_image()))
    return Target("floor", page, wire, {FLOOR_VARIANT: typing_runs}, (FLOOR_VARIANT,), final)

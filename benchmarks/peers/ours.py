"""Ours and the floor, from the existing runner, reduced to the same figures as a peer's."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, sync_playwright

from benchmarks.apps import build_app
from benchmarks.browser import READY, launch, open_page
from benchmarks.floor import FloorServer
from benchmarks.measures import Results
from benchmarks.peers.driver import Figures, PeerPlan, image_figures
from benchmarks.peers.memory import idle_memory
from benchmarks.peers.probes import PEER_INSTALL
from benchmarks.servers import ServerProcess, reactive_server
from benchmarks.stats import median, percentile

#: The variant of ours each peer row compares with (the peers' 100 ms function is sync, their
#: stream generators are whatever is idiomatic; ours are shown with their first variant).
TYPING_SERIES = {"reactive": "reactive sync", "floor": "floor"}
STREAM_SERIES = {"reactive": "reactive async", "floor": "floor"}


def figures(results: Results, name: str) -> Figures:
    found: Figures = {}
    if name in results.keystrokes:
        painted = results.keystrokes[name].painted
        found["keystroke p50"] = percentile(painted, 50)
        found["keystroke p99"] = percentile(painted, 99)
        found["keystroke n"] = len(painted)
    typing = results.typing.get(TYPING_SERIES[name], [])
    if typing:
        found["typing final"] = median([r.painted for r in typing])
        found["typing started"] = median([r.started for r in typing])
        found["typing finished"] = median([r.finished for r in typing])
        found["typing stale shown"] = median([r.stale_shown for r in typing])
    stream = results.stream.get(STREAM_SERIES[name], [])
    if stream:
        found["stream first"] = median([r.first_painted for r in stream])
        found["stream final"] = median([r.painted for r in stream])
        found["stream bytes per char"] = median([r.wire_bytes / r.text_length for r in stream])
    images = results.images.get(name, [])
    if images:
        found["images burst last"] = median([r.last_painted for r in images])
        found["images burst shown"] = median([r.shown for r in images])
        found["images burst painted"] = median([r.painted for r in images])
        found["images burst bytes per image"] = median(
            [r.wire_bytes / max(r.received, 1) for r in images]  # per picture the page got
        )
    return found


def _memory_of(server: ServerProcess, sessions: int) -> float:
    with sync_playwright() as pw:
        browser = launch(pw)
        try:

            def open_page() -> Page:
                page = browser.new_context().new_page()
                page.goto(server.url)
                page.wait_for_selector(READY, timeout=15_000)
                return page

            return idle_memory(open_page, server.pid, sessions)
        finally:
            browser.close()


def memory(sessions: int, progress: Callable[[str], None]) -> dict[str, Figures]:
    """KiB per idle session of ours and of the floor, each on a fresh server."""
    progress("memory per idle session: reactive")
    with reactive_server(build_app()) as server:
        ours = _memory_of(server, sessions)
    progress("memory per idle session: floor")
    with FloorServer() as floor:
        bare = _memory_of(floor, sessions)
    key = "memory per idle session"
    return {"reactive": {key: ours}, "floor": {key: bare}}


def paced(plan: PeerPlan, progress: Callable[[str], None]) -> dict[str, Figures]:
    """The paced images (one every 40 ms) on ours and the floor, by the peers' image probe."""
    progress("paced images: reactive and floor")
    bench = build_app()
    found: dict[str, Figures] = {}
    with reactive_server(bench) as server, FloorServer() as floor, sync_playwright() as pw:
        browser = launch(pw)
        try:
            for name, url in (("reactive", server.url), ("floor", floor.url)):
                page, wire = open_page(browser.new_context(), url)
                page.evaluate(PEER_INSTALL)
                figures = image_figures(
                    page, wire, "#images_paced_go .rx-value", "#images_paced_out", plan
                )
                found[name] = {f"images paced {key}": value for key, value in figures.items()}
        finally:
            browser.close()
    return found

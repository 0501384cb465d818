"""Runs the workloads on a peer's page and reduces them to the table's figures.

Same in-page timing as ours (``page_probes.INSTALL``'s frame probe, ``performance.now()``),
through the peer probes in ``probes``; the 100 ms function counts its runs in the app itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from playwright.sync_api import Browser, Page

from benchmarks.browser import WireTally
from benchmarks.page_probes import INSTALL
from benchmarks.payloads import TOKENS, token
from benchmarks.peers import probes
from benchmarks.peers.memory import idle_memory
from benchmarks.peers.server import PeerServer
from benchmarks.peers.specs import PeerSpec
from benchmarks.peers.wire import CdpWire
from benchmarks.stats import median, percentile
from benchmarks.workloads import (
    IMAGES_QUIET_MS,
    KEY_GAP_MS,
    TYPING_INTERVAL_MS,
    TYPING_KEYS,
    TYPING_SETTLE_MS,
    WIRE_SETTLE_MS,
)

TIMEOUT_MS = 90_000  # Gradio's 2000-token stream takes 25 s on the loaded 2-core machine
LOAD_TIMEOUT_MS = 60_000
Figures = dict[str, float]


class Counter(Protocol):
    def start(self) -> None: ...
    def stop(self) -> WireTally: ...


@dataclass(frozen=True)
class PeerPlan:
    runs: int
    warmups: int
    keystrokes: int
    idle_sessions: int


PEER_FULL = PeerPlan(runs=5, warmups=1, keystrokes=100, idle_sessions=10)
PEER_QUICK = PeerPlan(runs=3, warmups=1, keystrokes=40, idle_sessions=5)


def open_peer(browser: Browser, url: str, ready: str) -> Page:
    page = browser.new_context(viewport={"width": 1000, "height": 2000}).new_page()
    page.goto(url, wait_until="domcontentloaded", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function(ready, timeout=LOAD_TIMEOUT_MS)
    return page


class PeerRun:
    """One peer's page, and its figures as they are measured."""

    def __init__(self, browser: Browser, spec: PeerSpec, server: PeerServer, plan: PeerPlan):
        self.spec, self.server, self.plan, self.browser = spec, server, plan, browser
        self.page = open_peer(browser, server.url, spec.ready)
        self.wire = CdpWire(self.page)
        self.page.evaluate(INSTALL)
        self.page.evaluate(probes.PEER_INSTALL)
        self.figures: Figures = {}
        self.problems: list[str] = []

    def _repeat(self, once: Callable[[], Any]) -> list[Any]:
        found = [once() for _ in range(self.plan.warmups + self.plan.runs)]
        return found[self.plan.warmups :]

    def keystrokes(self) -> None:
        args = {
            "input": self.spec.key_in,
            "output": self.spec.key_out,
            "gapMs": list(KEY_GAP_MS),
            "timeoutMs": TIMEOUT_MS,
        }
        self.page.evaluate(probes.KEYSTROKES, {**args, "count": 10})  # warm-up
        painted: list[float] = self.page.evaluate(
            probes.KEYSTROKES, {**args, "count": self.plan.keystrokes}
        )
        self.figures["keystroke p50"] = percentile(painted, 50)
        self.figures["keystroke p99"] = percentile(painted, 99)
        self.figures["keystroke n"] = len(painted)

    def _typing_once(self) -> tuple[float, int, int, int]:
        self.server.reset_counts()
        args = {
            "input": self.spec.typing_in,
            "output": self.spec.typing_out,
            "keys": TYPING_KEYS,
            "intervalMs": TYPING_INTERVAL_MS,
            "timeoutMs": TIMEOUT_MS,
        }
        found = self.page.evaluate(probes.TYPING, args)
        self.page.wait_for_timeout(TYPING_SETTLE_MS)
        started, finished = self._settled_counts()
        return found["painted"], started, finished, found["stale"]

    def _settled_counts(self) -> tuple[int, int]:
        """The counts once they stopped changing (runs still going are counted, up to 6 s)."""
        counts = self.server.read_counts()
        for _ in range(20):
            self.page.wait_for_timeout(300)
            again = self.server.read_counts()
            if again == counts:
                break
            counts = again
        return counts

    def typing(self) -> None:
        runs = self._repeat(self._typing_once)
        self.figures["typing final"] = median([r[0] for r in runs])
        self.figures["typing started"] = median([r[1] for r in runs])
        self.figures["typing finished"] = median([r[2] for r in runs])
        self.figures["typing stale shown"] = median([r[3] for r in runs])

    def _stream_once(self) -> dict[str, Any]:
        args = {
            "button": {"sel": self.spec.stream_go},
            "output": self.spec.stream_out,
            "tokens": "".join(token(i) for i in range(TOKENS)).strip(),
            "timeoutMs": TIMEOUT_MS,
        }
        self.wire.start()
        found: dict[str, Any] = self.page.evaluate(probes.STREAM, args)
        self.page.wait_for_timeout(WIRE_SETTLE_MS)
        found["bytes"] = self.wire.stop().bytes
        return found

    def stream(self) -> None:
        runs = self._repeat(self._stream_once)
        self.figures["stream first"] = median([r["firstPainted"] for r in runs])
        self.figures["stream final"] = median([r["painted"] for r in runs])
        self.figures["stream bytes per char"] = median([r["bytes"] / r["length"] for r in runs])
        if not all(r["ok"] for r in runs):
            self.problems.append(f"stream, {self.spec.name}: a run ended with the wrong text")

    def images(self, paced: bool) -> None:
        button = self.spec.images_paced_go if paced else self.spec.images_go
        label = "images paced" if paced else "images burst"
        found = image_figures(self.page, self.wire, button, self.spec.images_out, self.plan)
        self.figures.update({f"{label} {name}": value for name, value in found.items()})

    def memory(self) -> None:
        per_session = idle_memory(
            lambda: open_peer(self.browser, self.server.url, self.spec.ready),
            self.server.pid,
            self.plan.idle_sessions,
        )
        self.figures["memory per idle session"] = per_session


def image_figures(page: Page, wire: Counter, button: str, image: str, plan: PeerPlan) -> Figures:
    """Workload 4 (``button`` starts 31 images into the first <img> under ``image``)."""
    args = {"button": button, "image": image, "quietMs": IMAGES_QUIET_MS, "timeoutMs": TIMEOUT_MS}

    def once() -> dict[str, Any]:
        wire.start()
        found: dict[str, Any] = page.evaluate(probes.IMAGES, args)
        found["bytes"] = wire.stop().bytes
        return found

    runs = [once() for _ in range(plan.warmups + plan.runs)][plan.warmups :]
    return {
        "last": median([r["lastPainted"] for r in runs]),
        "shown": median([r["sets"] for r in runs]),
        "painted": median([r["painted"] for r in runs]),
        # A peer's page sets each picture it gets: per picture received, as ours is counted.
        "bytes per image": median([r["bytes"] / max(r["sets"], 1) for r in runs]),
    }

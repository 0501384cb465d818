"""``python -m benchmarks --peers [--quick]``: ours, the floor and the four peers in one run."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from benchmarks import environment, runner
from benchmarks.browser import launch
from benchmarks.checks import problems as our_problems
from benchmarks.measures import Results
from benchmarks.peers import ours
from benchmarks.peers.docs import write_docs
from benchmarks.peers.driver import PEER_FULL, PEER_QUICK, Figures, PeerPlan, PeerRun
from benchmarks.peers.install import PEERS, Peer, install
from benchmarks.peers.server import PeerServer
from benchmarks.peers.specs import SPECS
from benchmarks.peers.table import COLUMNS, Column, render_table, rows
from benchmarks.report import RESULTS_DIR

RESULTS = RESULTS_DIR / "peers.json"
WORKLOADS = ("keystroke", "typing", "stream", "images", "paced", "memory")
AUDIO = "not in this run (ours: --media)"
Progress = Callable[[str], None]

NOTES = (
    "Every figure is a median over the runs, timed in headless Chromium with performance.now() "
    "by the same frame probe (benchmarks/page_probes.py INSTALL): from the input event or the "
    "click to the end of the first rendering that shows the result. (n×) = the figure / the "
    "raw WebSocket floor's, measured in the same run.",
    "Ours and the floor are driven by the default benchmark's runner (benchmarks/runner.py); "
    "the peers by benchmarks/peers/probes.py, which finds their elements by CSS selector and "
    "sees a change through a MutationObserver on the document and a hook on input/textarea "
    "value setters (Gradio's outputs are textareas set as a property).",
    "Ours: the 100 ms function is the sync variant and the stream the async generator. Peers: "
    "the 100 ms function is sync (Gradio, Shiny) or async (NiceGUI: a sync one would block its "
    "event loop), run counts are kept by the app in a file.",
    "Shiny debounces text inputs by 250 ms in its client; Streamlit's st.text_input sends its "
    "value on Enter, so its keystroke is a key then Enter.",
    "Bytes received: payloads of WebSocket frames and HTTP response bodies (CDP Network events; "
    "for ours and the floor Playwright's framereceived), after decompression; data: and blob: "
    "loads are not counted. The peers' pages run with the browser cache off and their apps make "
    "new noise images each run (Gradio and Streamlit name files by content). Images travel "
    "as the framework sends them (ours JPEG, floor PNG, Gradio WebP files, Streamlit PNG "
    "files, Shiny base64 PNG, NiceGUI PNG files) at each one's default quality (ours: JPEG "
    "at 80, Gradio: WebP at Pillow's 80), per picture the page received (a peer's page sets "
    "each one it gets; ours counts them in its socket's frames).",
    "Images shown / painted: shown counts the <img>'s src changes, painted those current and "
    "loaded at a rendering. Ours sets the src only to a picture already decoded off screen, "
    "with the newest waiting behind the one decoding, so in a burst it skips the ones a newer "
    "one overtook (all 31 reach the page); the other pages set each one they get.",
    "Memory per idle session: the server's resident memory (its process tree) with N pages "
    "open, less with one, / (N - 1), each page in its own browser context, 2 s after the last "
    "opened.",
)


def _failure(error: BaseException) -> str:
    first = str(error).strip().splitlines()
    return f"failed: {first[0][:80] if first else type(error).__name__}"


def _peer_steps(run: PeerRun) -> dict[str, Callable[[], None]]:
    return {
        "keystroke": run.keystrokes,
        "typing": run.typing,
        "stream": run.stream,
        "images": lambda: run.images(paced=False),
        "paced": lambda: run.images(paced=True),
        "memory": run.memory,
    }


def measure_peer(peer: Peer, plan: PeerPlan, progress: Progress, found: list[str]) -> Column:
    """The peer's figures; a workload that fails (or a failed install) says so in its column."""
    column = Column(version=peer.version)
    progress(f"{peer.name} {peer.version}: virtual environment")
    installed = install(peer)
    if installed.python is None:
        column.missing.update(dict.fromkeys(WORKLOADS, f"n/a: {installed.error}"))
        return column
    spec = SPECS[peer.name]
    column.missing.update(spec.missing)
    try:
        with PeerServer(spec, installed.python) as server, sync_playwright() as pw:
            browser = launch(pw)
            try:
                run = PeerRun(browser, spec, server, plan)
                for workload, step in _peer_steps(run).items():
                    if workload in column.missing:
                        continue
                    progress(f"{peer.name}: {workload}")
                    try:
                        step()
                    except Exception as error:  # one workload's failure is a cell, not a crash
                        column.missing[workload] = _failure(error)
                column.figures = run.figures
                found += run.problems
            finally:
                browser.close()
    except Exception as error:
        column.missing.update(dict.fromkeys(WORKLOADS, _failure(error)))
    return column


def _ours(
    plan: runner.Plan, peer_plan: PeerPlan, progress: Progress
) -> tuple[dict[str, Column], str, list[str]]:
    results, chromium, failed = Results(), "", {}
    for workload in runner.WORKLOADS:  # one at a time: a failure is a cell, not a crash
        try:
            found, chromium = runner.run(dataclasses.replace(plan, only=workload), progress)
        except Exception as error:
            failed[workload] = _failure(error)
            continue
        for part in dataclasses.fields(Results):
            getattr(results, part.name).update(getattr(found, part.name))
    columns = {}
    for name in ("reactive", "floor"):
        missing = {"audio": AUDIO, **failed}
        columns[name] = Column(figures=ours.figures(results, name), missing=missing)
    extras: dict[str, Callable[[], dict[str, Figures]]] = {
        "paced": lambda: ours.paced(peer_plan, progress),
        "memory": lambda: ours.memory(peer_plan.idle_sessions, progress),
    }
    for workload, measure in extras.items():
        try:
            for name, figures in measure().items():
                columns[name].figures.update(figures)
        except Exception as error:
            for name in ("reactive", "floor"):
                columns[name].missing[workload] = _failure(error)
    return columns, chromium, our_problems(results)


def command(quick: bool) -> str:
    return ".venv/bin/python -m benchmarks --peers" + (" --quick" if quick else "")


def run(quick: bool, progress: Progress) -> int:
    env = environment.collect()
    start = time.monotonic()
    plan = runner.QUICK if quick else runner.FULL
    peer_plan = PEER_QUICK if quick else PEER_FULL
    columns, chromium, found = _ours(plan, peer_plan, progress)
    env["chromium"] = chromium
    for peer in PEERS:
        columns[peer.name] = measure_peer(peer, peer_plan, progress, found)
        env[peer.package] = peer.version
    seconds = time.monotonic() - start
    table = render_table(columns)
    for name, value in env.items():
        print(f"{name}: {value}")
    print(f"plan: ours {dataclasses.asdict(plan)}, peers {dataclasses.asdict(peer_plan)}")
    print(f"{seconds:.0f} s\n")
    print(table + "\n")
    for note in NOTES:
        print(f"- {note}")
    for problem in found:
        print(f"PROBLEM: {problem}")
    report: dict[str, Any] = {
        "command": command(quick),
        "environment": env,
        "plan": dataclasses.asdict(plan),
        "peer_plan": dataclasses.asdict(peer_plan),
        "seconds": round(seconds, 1),
        "problems": found,
        "table": rows(columns),
        "columns": {name: dataclasses.asdict(columns[name]) for name in COLUMNS},
    }
    _write(RESULTS, json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    docs = write_docs(columns, env, command(quick), seconds, table, NOTES)
    print(f"\nraw results: {RESULTS}\ndocs: {', '.join(str(path) for path in docs)}")
    return 1 if found else 0


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")

"""``python -m benchmarks --runtime``: the session-runtime rows, their table and JSON.

Worst realistic cases for stopping stale work (issue "Stopping stale work safely"), all at
protocol level (``runtime_client``: no browser, so only the server is measured), each scenario
against a fresh server process (``runtime_load``) serving ``runtime_apps``:

- ``cpu``: server CPU per keystroke into ``text.upper()``, against the raw floor;
- ``blocking``: hammer sessions into a ``time.sleep(5)`` function; threads and a bystander;
- ``locks``: 500 fast keystrokes into lock-and-queue ``try/finally`` code; corruptions left;
- ``variants``: 20 keystrokes 30 ms apart into a 100 ms sleep / busy-loop body, in threads and
  in a process pool (``run_in="process"``, shown as n/a where ``app.fn`` does not take it).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import environment
from benchmarks.floor import FloorServer
from benchmarks.runtime_apps import (
    BLOCK_SECONDS,
    PROCESS_VARIANTS,
    QUEUE_TOKENS,
    RUNS_DIR_ENV,
    VARIANTS,
    RuntimeApp,
    build_runtime_app,
)
from benchmarks.runtime_client import Page
from benchmarks.runtime_load import (
    HAMMER_INTERVAL_SECONDS,
    HAMMER_KEYS,
    LOCK_KEYS,
    TYPING_KEYS,
    BlockingRun,
    CpuRun,
    RuntimeServer,
    VariantRun,
    blocking,
    cpu_per_key,
    floor_cpu_per_key,
    floor_typing,
    locks,
    pooled,
    typing_variant,
)
from benchmarks.servers import on_cpus, placement
from benchmarks.stats import median, percentile, ratio
from benchmarks.table import Row, render

RUNTIME_ROWS = ("cpu", "blocking", "locks", "variants")
HEADERS = ("figure", "reactive", "baseline", "ratio", "target", "baseline is")
RESULTS = Path(__file__).resolve().parent / "results" / "runtime.json"
HAMMER_COUNTS = (1, 8)
THREAD_LIMIT = 8  # App(max_threads_per_session=8), the default
FLOOR = "raw websockets floor (floor.py), same frames"
#: A burst costs little wall time: more keystrokes, so that 10 ms CPU ticks do not matter.
BURST_FACTOR = 5


@dataclass(frozen=True)
class RuntimePlan:
    reps: int  # measured repetitions of the variants figures (medians shown)
    cpu_reps: int  # of the cpu figures (CPU ticks are 10 ms: more runs, cheap ones)
    warmups: int  # unmeasured typing runs first (process pool start-up, imports)
    cpu_keys: int
    lock_runs: int  # fresh servers, each taking LOCK_KEYS keystrokes
    #: Timed blocking runs per hammer count, their samples pooled: a p99 of one run's ~350
    #: keystrokes is its 4th slowest, and two such figures' ratio swung 0.8-2.2x run to run.
    blocking_reps: int = 1
    only: str | None = None

    def selected(self) -> tuple[str, ...]:
        return RUNTIME_ROWS if self.only is None else (self.only,)


FULL = RuntimePlan(reps=5, cpu_reps=5, warmups=1, cpu_keys=2000, lock_runs=3, blocking_reps=4)
QUICK = RuntimePlan(reps=2, cpu_reps=2, warmups=1, cpu_keys=1000, lock_runs=1)


@dataclass
class Collected:
    rows: list[Row] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _us(value: float) -> str:
    return f"{value:.0f} µs"


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} ms"


def _times(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def _row(figure: str, mine: str, base: str, share: float | None, target: str, what: str) -> Row:
    return Row(figure, mine, base, _times(share), target, what, {"ratio": share})


def _timed(figure: str, mine: float, base: float, target: str, what: str) -> Row:
    share = ratio(mine, base)
    return Row(
        figure, _ms(mine), _ms(base), _times(share), target, what,
        {"reactive": mine, "baseline": base, "ratio": share},
    )  # fmt: skip


def _plain(figure: str, mine: str, target: str, values: dict[str, float | None]) -> Row:
    return Row(figure, mine, "—", "—", target, "—", values)


# ---------------------------------------------------------------- 1. CPU


def _cpu(bench: RuntimeApp, plan: RuntimePlan, out: Collected) -> None:
    found: dict[str, list[CpuRun]] = {}
    driver_cpus, server_cpus = placement()
    with (
        on_cpus(driver_cpus),
        RuntimeServer(bench, cpus=server_cpus) as server,
        FloorServer(cpus=server_cpus) as floor,
    ):
        for rep in range(plan.cpu_reps):
            for burst in (False, True):
                mode = "burst" if burst else "one at a time"
                tag = f"r{rep}{'b' if burst else 's'}-"
                keys = plan.cpu_keys * (BURST_FACTOR if burst else 1)
                found.setdefault(f"reactive {mode}", []).append(
                    cpu_per_key(server, keys, burst, tag)
                )
                found.setdefault(f"floor {mode}", []).append(
                    floor_cpu_per_key(floor, keys, burst, tag)
                )
                if not burst:  # the same into an async fn: the thread hop's share
                    found.setdefault("reactive async", []).append(
                        cpu_per_key(server, keys, burst, f"{tag}a-", name="rt_akey")
                    )
    out.raw["cpu"] = {series: [asdict(run) for run in runs] for series, runs in found.items()}
    for mode, how in (("one at a time", "each waits for its output"), ("burst", "all sent")):
        mine = median([run.cpu_us_per_key for run in found[f"reactive {mode}"]])
        base = median([run.cpu_us_per_key for run in found[f"floor {mode}"]])
        wall = median([run.wall_seconds for run in found[f"reactive {mode}"]])
        keys = found[f"reactive {mode}"][0].keys
        share = ratio(mine, base)
        figure = f"server CPU per keystroke, {mode} ({how}; n={keys}, {wall:.2f} s)"
        row = Row(
            figure, _us(mine), _us(base), _times(share), "≤ 2× floor", FLOOR,
            {"reactive_us": mine, "floor_us": base, "ratio": share},
        )  # fmt: skip
        out.rows.append(row)
        if mode == "one at a time":
            mine = median([run.cpu_us_per_key for run in found["reactive async"]])
            share = ratio(mine, base)
            row = Row(
                f"the same into an `async def` (no worker thread; n={keys})", _us(mine), _us(base),
                _times(share), "—", FLOOR, {"reactive_us": mine, "floor_us": base, "ratio": share},
            )  # fmt: skip
            out.rows.append(row)


# ---------------------------------------------------------------- 2. blocking


def _blocking(bench: RuntimeApp, plan: RuntimePlan, out: Collected) -> None:
    out.raw["blocking"] = []
    for hammers in HAMMER_COUNTS:
        counted: BlockingRun = blocking(bench, hammers, sample=True)
        timed = [blocking(bench, hammers, sample=False) for _ in range(plan.blocking_reps)]
        controls = [
            blocking(bench, hammers, sample=False, target="control_in")
            for _ in range(plan.blocking_reps)
        ]
        found, control = pooled(timed), pooled(controls)
        out.raw["blocking"].append(
            {"counted": asdict(counted), "timed": asdict(found), "control": asdict(control)}
        )
        if found.hammers_failed or counted.hammers_failed or control.hammers_failed:
            out.problems.append(f"blocking, {hammers} hammer(s): a hammer session failed")
        label = (
            f"blocking {BLOCK_SECONDS:.0f} s sync fn, {hammers} hammer session"
            f"{'s' if hammers > 1 else ''} × {HAMMER_KEYS} keys / "
            f"{HAMMER_INTERVAL_SECONDS * 1000:.0f} ms"
        )
        gauges = counted.gauges
        out.rows.append(
            _plain(
                f"{label}: calls running at once in one session (max)",
                str(gauges.per_session),
                f"≤ {THREAD_LIMIT}",
                {"per_session": gauges.per_session},
            )
        )
        out.rows.append(
            _plain(
                f"{label}: calls running, all sessions / server threads (max)",
                f"{gauges.total} / {gauges.threads}",
                f"≤ {THREAD_LIMIT * hammers} calls",
                {"total": gauges.total, "threads": gauges.threads},
            )
        )
        what = "the bystander idle, same server, just before" + (
            f" (samples of {plan.blocking_reps} runs pooled)" if plan.blocking_reps > 1 else ""
        )
        n = len(found.loaded_ms)
        late = f", {found.timeouts} waited ≥ 8 s" if found.timeouts else ""
        for q, target in ((50, "—"), (99, "≤ 1.2× idle")):
            out.rows.append(
                _timed(
                    f"{label}: bystander keystroke → upper() round trip, p{q} (n={n}{late})",
                    percentile(found.loaded_ms, q),
                    percentile(found.idle_ms, q),
                    target,
                    what,
                )
            )
        out.rows.append(
            _timed(
                f"control: the same hammers typing into a trivial fn: bystander p99 "
                f"(n={len(control.loaded_ms)})",
                percentile(control.loaded_ms, 99),
                percentile(control.idle_ms, 99),
                "— (the traffic's own cost)",
                what,
            )
        )


# ---------------------------------------------------------------- 3. locks


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _locks(bench: RuntimeApp, plan: RuntimePlan, out: Collected) -> None:
    found = [locks(bench) for _ in range(plan.lock_runs)]
    out.raw["locks"] = [{**asdict(run), "corruptions": run.corruptions} for run in found]
    for run in found:
        if run.report_error:
            out.problems.append(f"locks: the diagnostic did not answer: {run.report_error}")
    label = f"{LOCK_KEYS} fast keys into lock + Queue({QUEUE_TOKENS}) try/finally code"
    total = sum(run.corruptions for run in found)
    held = sum(not run.lock_free for run in found)
    lost = sum(run.tokens_lost for run in found)
    stuck = sum(not run.mutex_free for run in found)
    each = ", ".join(str(run.corruptions) for run in found)
    detail = (
        f"{total} in {len(found)} runs ({each}): lock left held {held}×, tokens lost {lost}, "
        f"queue mutex stuck {stuck}×"
    )
    out.rows.append(_plain(f"{label}: corruptions", detail, "0", {"corruptions": total}))
    started = median([run.started for run in found])
    finished = median([run.finished for run in found])
    shown = sum(run.final_shown for run in found)
    out.rows.append(
        _plain(
            f"{label}: runs started / finished normally (median); final output shown",
            f"{started:.0f} / {finished:.0f}; in {shown} of {len(found)} runs",
            "final output shown",
            {"started": started, "finished": finished, "final_shown": shown},
        )
    )


# ---------------------------------------------------------------- 4. typing variants

_BODIES = {
    "sleep": "time.sleep(0.1) body",
    "spin": "pure-Python loop, 100 ms CPU",
    "checkpoint": "the same loop calling rx.checkpoint()",
}


def _variants(bench: RuntimeApp, plan: RuntimePlan, out: Collected) -> None:
    runs_dir = Path(os.environ[RUNS_DIR_ENV])
    found: dict[str, list[VariantRun]] = {}
    runs = plan.warmups + plan.reps
    with RuntimeServer(bench) as server, FloorServer() as floor:
        for index in range(runs):
            measured = found.setdefault("floor", []) if index >= plan.warmups else []
            measured.append(floor_typing(floor, f"floor{index}-"))
        for variant in VARIANTS:
            if variant in PROCESS_VARIANTS and bench.process_unsupported is not None:
                continue
            with Page(server.ws_url) as page:
                for index in range(runs):
                    run = typing_variant(page, bench, variant, runs_dir, f"{variant}{index}-")
                    if index >= plan.warmups:
                        found.setdefault(variant, []).append(run)
    out.raw["variants"] = {name: [asdict(run) for run in rs] for name, rs in found.items()}
    base = median([run.final_ms for run in found["floor"]])
    base_started = median([run.started for run in found["floor"]])
    base_finished = median([run.finished for run in found["floor"]])
    what = "floor /typing: asyncio task cancelled per key"
    for variant in VARIANTS:
        where, body = variant.split("_")
        label = (
            f"{TYPING_KEYS} keys / 30 ms → 100 ms fn, "
            f"{'process pool' if where == 'process' else 'threads'}, {_BODIES[body]}"
        )
        finish_target = f"1 of {TYPING_KEYS}" if where == "process" else "— (see notes)"
        if variant not in found:
            unsupported = "n/a: run_in unsupported"
            out.rows.append(_row(f"{label}: last key → final output", unsupported, _ms(base),
                                 None, "≤ 115 ms", what))  # fmt: skip
            out.rows.append(_row(f"{label}: runs started / finished", unsupported, "—", None,
                                 finish_target, what))  # fmt: skip
            continue
        variant_runs = found[variant]
        out.rows.append(
            _timed(
                f"{label}: last key → final output",
                median([run.final_ms for run in variant_runs]),
                base,
                "≤ 115 ms",
                what,
            )
        )
        started = median([run.started for run in variant_runs])
        finished = median([run.finished for run in variant_runs])
        out.rows.append(
            Row(
                f"{label}: runs started / finished",
                f"{started:.0f} / {finished:.0f}",
                f"{base_started:.0f} / {base_finished:.0f}",
                "—",
                finish_target,
                what,
                {"started": started, "finished": finished},
            )
        )


_SECTIONS: dict[str, Callable[[RuntimeApp, RuntimePlan, Collected], None]] = {
    "cpu": _cpu,
    "blocking": _blocking,
    "locks": _locks,
    "variants": _variants,
}

NOTES = (
    "Protocol level: a Python `websockets` client in the benchmark's own process (the hammer "
    "sessions in a forked one) speaks docs/protocol.md (hello → welcome, input / trigger, an "
    "ack for every batch); no browser. Times are from the client's perf_counter: sending the "
    "keystroke → receiving the update carrying the expected value.",
    "Server CPU: user + system time of the server process (/proc/<pid>/stat, every thread, "
    "10 ms ticks) over the keystrokes, divided by their number; the floor gets the same texts "
    "as raw text frames on /key. Each scenario runs against a fresh server process, killed "
    "(SIGKILL) if it does not stop 2 s after SIGTERM. For the CPU rows both servers run on the "
    "last core and the client on the first (benchmarks.servers.placement): on this VM a "
    "wake-up across cores costs tens of µs, one within a core a few, so unpinned runs of the "
    "same server measured 40 to 110 µs a key.",
    "Blocking: a sampler thread inside the server counts, every 5 ms, the threads whose stack "
    'holds the blocking function\'s frame (sys._current_frames), by session; "server threads" '
    "is threading.active_count(). The bystander types into text.upper() for 3 s from the "
    "hammers' first key; its idle figure is measured on the same server just before. The "
    "server runs on one core and the bystander's client on the other, as in the CPU rows; the "
    "hammers' process (16 client threads) runs at SCHED_IDLE, so its own CPU does not delay "
    "the bystander's client or the server. The timed runs of a scenario are pooled (FULL: 4), "
    "the p99 of one run's ~350 keys being its 4th slowest. Before the runtime rebuild a fixed "
    "pool of 64 threads capped the 8-hammer per-session count; the pool now grows on demand, "
    "so that count is the session's own limit.",
    "Locks: a diagnostic function (button) reports whether the module-level Lock can be taken, "
    "how many of the 4 tokens are in the Queue, and whether Queue.mutex can be taken (1 s "
    "timeouts). Corruptions = tokens lost + lock held + mutex stuck.",
    "Typing variants: runs started / finished are counted inside the function (shared memory "
    "for threads, files for the process pool), and read once they have not changed for 0.35 s "
    "(at most 6 s). With cooperative stops, a sync call already "
    "running in a thread runs to its end (its result discarded) unless it calls "
    "rx.checkpoint(); the process pool kills the superseded call's worker.",
)


def _progress(name: str) -> None:
    print(f"running runtime {name}…", file=sys.stderr, flush=True)


def run(quick: bool, only: str | None) -> int:
    plan = RuntimePlan(**{**asdict(QUICK if quick else FULL), "only": only})
    env = environment.collect()
    start = time.monotonic()
    collected = Collected()
    runs_dir = tempfile.mkdtemp(prefix="rx-bench-runs-")
    try:
        # Read by the process-pool functions, whichever way the pool starts its workers.
        os.environ[RUNS_DIR_ENV] = runs_dir
        bench = build_runtime_app()
        if bench.process_unsupported is not None:
            collected.raw["process_unsupported"] = bench.process_unsupported
        for name in plan.selected():
            _progress(name)
            try:
                _SECTIONS[name](bench, plan, collected)
            except Exception as exc:  # one broken scenario still prints the others
                collected.problems.append(f"{name}: {type(exc).__name__}: {exc}")
                collected.rows.append(Row(f"{name}: failed", str(exc)[:80], "—", "—", "—", "—"))
    finally:
        shutil.rmtree(runs_dir, ignore_errors=True)
    seconds = time.monotonic() - start
    for key, value in env.items():
        print(f"{key}: {value}")
    print(
        f"plan: runtime rows (medians shown): {plan.cpu_reps} runs per cpu figure, {plan.reps} "
        f"per typing variant after {plan.warmups} warm-up, {plan.lock_runs} lock run(s); "
        f"{seconds:.0f} s\n"
    )
    print(render(collected.rows, HEADERS))
    print()
    for note in NOTES:
        print(f"- {note}")
    if bench.process_unsupported is not None:
        print(f"- Process pool rows n/a: @app.fn(run_in=\"process\") refused: "
              f"{bench.process_unsupported}")  # fmt: skip
    for problem in collected.problems:
        print(f"PROBLEM: {problem}")
    RESULTS.parent.mkdir(exist_ok=True)
    report = {
        "environment": env,
        "plan": asdict(plan),
        "seconds": seconds,
        "rows": [asdict(row) for row in collected.rows],
        "raw": collected.raw,
        "problems": collected.problems,
    }
    RESULTS.write_text(json.dumps(report, indent=1, default=str))
    print(f"\nraw results: {RESULTS}")
    return 1 if collected.problems else 0

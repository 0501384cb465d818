"""The JSON report: environment, plan, table rows and every raw measurement."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.measures import Results
from benchmarks.runner import Plan
from benchmarks.table import Row

RESULTS_DIR = Path(__file__).parent / "results"
LATEST = RESULTS_DIR / "latest.json"


def write_json(
    environment: dict[str, str],
    plan: Plan,
    rows: list[Row],
    results: Results,
    problems: list[str],
    seconds: float,
    path: Path = LATEST,
) -> Path:
    report: dict[str, Any] = {
        "environment": environment,
        "plan": asdict(plan),
        "seconds": round(seconds, 1),
        "problems": problems,
        "rows": [asdict(row) for row in rows],
        "runs": asdict(results),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path

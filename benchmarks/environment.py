"""What the figures were measured on: CPUs, load, and the versions of everything involved."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PACKAGES = ("reactive", "starlette", "uvicorn", "websockets", "msgpack", "numpy", "pillow")
PLAYWRIGHT = "playwright"
REPOSITORY = Path(__file__).resolve().parent.parent


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=REPOSITORY, capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def _revision() -> str:
    """The commit measured, and whether reactive's code differs from it."""
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = _git("status", "--porcelain", "--", "reactive", "client")
    return f"{commit} + uncommitted changes in reactive/ or client/" if dirty else commit


def collect() -> dict[str, str]:
    """The environment, as ``name: value`` lines to print and store."""
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    found = {
        "cpus": f"{os.cpu_count()} ({usable} usable), {_cpu_model()}",
        "load average (1/5/15 min) at start": load,
        "python": f"{platform.python_version()} ({platform.python_implementation()})",
        "platform": platform.platform(),
        "git": _revision(),
    }
    for package in (*PACKAGES, PLAYWRIGHT):
        found[package] = _version(package)
    return found

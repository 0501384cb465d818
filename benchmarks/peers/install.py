"""One virtual environment per peer under a cache folder outside the repository, reused if present.

``python -m benchmarks.peers.install [peer ...]`` installs them without running anything.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(os.environ.get("REACTIVE_BENCH_CACHE", Path.home() / ".cache" / "reactive-bench"))
#: What every peer app needs besides its framework (the workloads' noise images).
COMMON = ("numpy", "pillow")
INSTALL_TIMEOUT_SECONDS = 900


@dataclass(frozen=True)
class Peer:
    name: str  # module name under benchmarks/peers/, and the venv's folder
    package: str
    version: str

    @property
    def requirement(self) -> str:
        return f"{self.package}=={self.version}"


PEERS = (
    Peer("gradio", "gradio", "6.31.0"),
    Peer("shiny", "shiny", "1.8.0"),
    Peer("streamlit", "streamlit", "1.67.0"),
    Peer("nicegui", "nicegui", "3.18.0"),
)


@dataclass(frozen=True)
class Installed:
    peer: Peer
    python: Path | None  # the venv's interpreter; None if the install failed
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.python is not None


def _venv(peer: Peer) -> Path:
    return CACHE / f"{peer.name}-{peer.version}"


def _python(venv: Path) -> Path:
    return venv / "bin" / "python"


def _has(python: Path, peer: Peer) -> bool:
    found = f"importlib.metadata.version({peer.package!r})"
    check = f"import importlib.metadata; assert {found} == {peer.version!r}"
    done = subprocess.run([str(python), "-c", check], capture_output=True, timeout=60)
    return done.returncode == 0


def _last_lines(text: str, count: int = 3) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines()[-count:])


def install(peer: Peer, log: Path | None = None) -> Installed:
    """The peer's venv with its pinned version, made and filled only if it is not there yet."""
    venv = _venv(peer)
    python = _python(venv)
    if python.exists() and _has(python, peer):
        return Installed(peer, python)
    try:
        subprocess.run(
            [sys.executable, "-m", "venv", "--clear", str(venv)],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        done = subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                peer.requirement,
                *COMMON,
            ],
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT_SECONDS,
        )
    except (OSError, subprocess.SubprocessError) as error:
        return Installed(peer, None, f"install failed: {error}")
    if log is not None:
        log.write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode != 0 or not _has(python, peer):
        return Installed(
            peer,
            None,
            f"pip install {peer.requirement} failed: " + _last_lines(done.stderr or done.stdout),
        )
    return Installed(peer, python)


def main(names: list[str]) -> int:
    chosen = [p for p in PEERS if not names or p.name in names]
    failed = 0
    for peer in chosen:
        found = install(peer)
        print(f"{peer.requirement}: {found.python if found.ok else found.error}")
        failed += not found.ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The committed client bundle must be what the TypeScript sources build to."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def test_committed_bundle_matches_the_client_sources() -> None:
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is missing: the bundle check needs Node.js (see README).")
    if not (ROOT / "client" / "node_modules").is_dir():
        pytest.fail("client/node_modules is missing: run `npm --prefix client ci` first.")
    result = subprocess.run(
        [npm, "--prefix", "client", "run", "--silent", "build:check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

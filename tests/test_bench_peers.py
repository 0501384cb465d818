"""The peers benchmark's plumbing (the opt-in ``python -m benchmarks --peers``): no network."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from benchmarks.peers import install
from benchmarks.peers.memory import tree_rss
from benchmarks.peers.specs import APPS, SPECS
from benchmarks.peers.table import COLUMNS, Column, render_table, rows


def _columns() -> dict[str, Column]:
    columns = {name: Column() for name in COLUMNS}
    columns["floor"].figures = {"keystroke p50": 10.0, "typing started": 1, "typing finished": 1}
    columns["reactive"].figures = {"keystroke p50": 12.0, "typing started": 2, "typing finished": 1}
    columns["streamlit"].missing = {"typing": "n/a: no live input"}
    return columns


def _cells(label: str) -> dict[str, str]:
    found = next(row for row in rows(_columns()) if row[0].startswith(label))
    return dict(zip(COLUMNS, found[1:], strict=True))


def test_durations_carry_their_ratio_to_the_floor() -> None:
    cells = _cells("keystroke → output painted, p50")
    assert cells["reactive"] == "12 ms (1.2×)"
    assert cells["floor"] == "10 ms"
    assert cells["gradio"] == "—"


def test_counts_have_no_ratio_and_missing_workloads_say_why() -> None:
    cells = _cells("… runs started / finished")
    assert cells["reactive"] == "2 / 1"
    assert cells["streamlit"] == "n/a: no live input"


def test_the_table_names_each_framework_with_its_version() -> None:
    columns = _columns()
    columns["gradio"].version = "6.31.0"
    header = render_table(columns).splitlines()[0]
    assert "gradio 6.31.0" in header
    assert "reactive" in header


def test_a_present_venv_is_reused_without_pip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    peer = install.Peer("pytest", "pytest", metadata.version("pytest"))
    python = tmp_path / f"pytest-{peer.version}" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')  # this venv's python
    python.chmod(0o755)
    monkeypatch.setattr(install, "CACHE", tmp_path)
    ran: list[list[str]] = []
    real_run = subprocess.run

    def recording_run(args: list[str], **options: Any) -> Any:
        ran.append(args)
        return real_run(args, **options)

    monkeypatch.setattr(subprocess, "run", recording_run)
    found = install.install(peer)
    assert found.python == python
    assert ran  # the version was checked...
    assert all("pip" not in args and "venv" not in args for args in ran)  # ...and nothing made


def test_a_failed_install_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(install, "CACHE", tmp_path)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    found = install.install(install.Peer("gradio", "gradio", "6.31.0"))
    assert not found.ok
    assert "install failed" in found.error


def test_every_peer_has_its_app_and_a_pinned_version() -> None:
    assert {peer.name for peer in install.PEERS} == set(SPECS)
    for peer in install.PEERS:
        assert (APPS / f"{peer.name}_app.py").exists()
        assert peer.version.count(".") == 2


def test_tree_rss_counts_a_child_process() -> None:
    alone = tree_rss(os.getpid())
    child = subprocess.Popen(
        [sys.executable, "-c", "print('up', flush=True); input()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "up"  # the interpreter is resident now
        child_rss = tree_rss(child.pid)
        assert child_rss > 0
        assert tree_rss(os.getpid()) >= alone + child_rss // 2
    finally:
        child.communicate("\n", timeout=10)


def test_the_docs_page_has_the_table_the_plots_and_the_machine_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks.peers import docs

    for name, file in (
        ("DOCS", ""),
        ("PAGE", "benchmarks.md"),
        ("LATENCY_PLOT", "latency.png"),
        ("MEMORY_PLOT", "memory.png"),
    ):
        monkeypatch.setattr(docs, name, tmp_path / file)
    columns = _columns()
    columns["reactive"].figures["memory per idle session"] = 60.0
    table = render_table(columns)
    command = "python -m benchmarks --peers"
    written = docs.write_docs(columns, {"cpus": "2"}, command, 1.0, table, [])
    page = written[0].read_text(encoding="utf-8")
    assert table in page
    assert "shared machine" in page
    assert "`python -m benchmarks --peers`" in page
    for plot in written[1:]:
        assert plot.read_bytes().startswith(b"\x89PNG")

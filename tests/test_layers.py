"""Dependency direction: the pure core imports nothing of the outer layers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "reactive"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(folder: str = "") -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def reactive_imports(path: Path) -> set[str]:
    return {name for name in imports_of(path) if name.split(".")[0] == "reactive"}


@pytest.mark.parametrize("path", modules("protocol"), ids=lambda p: p.name)
def test_protocol_imports_only_itself_and_errors(path: Path) -> None:
    allowed = {"reactive.errors"}
    bad = {
        m
        for m in reactive_imports(path)
        if m not in allowed and not m.startswith("reactive.protocol")
    }
    assert not bad, f"{path.name} imports {bad}"
    assert not imports_of(path) & {"asyncio", "starlette", "uvicorn"}


@pytest.mark.parametrize("path", modules("scheduler"), ids=lambda p: p.name)
def test_scheduler_knows_nothing_of_components_or_sessions(path: Path) -> None:
    allowed = {"reactive.errors"}
    bad = {
        m
        for m in reactive_imports(path)
        if m not in allowed and not m.startswith("reactive.scheduler")
    }
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("path", modules("scheduler"), ids=lambda p: p.name)
def test_scheduler_decisions_are_pure(path: Path) -> None:
    if path.name in ("policy.py", "runs.py"):
        assert "asyncio" not in imports_of(path)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_server_imports_starlette_and_only_cli_imports_uvicorn(path: Path) -> None:
    names = {name.split(".")[0] for name in imports_of(path)}
    if path.name != "server.py":
        assert "starlette" not in names, f"{path.name} imports starlette"
    if path.name != "cli.py":
        assert "uvicorn" not in names, f"{path.name} imports uvicorn"


@pytest.mark.parametrize("path", modules("components") + modules("media"), ids=lambda p: p.name)
def test_components_know_nothing_of_sessions_or_servers(path: Path) -> None:
    outer = {
        "reactive.session.session",
        "reactive.session.manager",
        "reactive.server",
        "reactive.cli",
    }
    assert not reactive_imports(path) & outer

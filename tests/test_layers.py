"""Dependency direction: every import points inwards, as docs/architecture.md draws it.

Layers, inner first::

    errors
    protocol  scheduler  media                 know nothing of the rest
    reports (runcontext, progress, messages)   rx.Progress / rx.Info, on protocol only
    components                                 use media
    themes                                     use components
    definition                                 uses components (and the scheduler's tables)
    gradio                                     builds on definition (and the scheduler's tables)
    session                                    joins definition, scheduler and protocol
    web                                        the HTTP API and MCP, on sessions
    server  testing                            on top of the session
    reload  ports  scaffold                    for the CLI (reload serves through the server)
    cli                                        on top
    client                                     rx.Client: the protocol only, no server
    api (reactive/__init__.py)                 the public names only

The one exception is the serving seam: ``reactive/definition/serving.py`` imports ``reactive.cli``
and ``reactive.server`` late, inside functions, so ``App.launch()`` and ``App.asgi()`` can serve
without an import loop.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "reactive"

REPORTS = {"runcontext", "progress", "messages"}

# What each layer may import besides itself.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "protocol": {"errors"},
    "scheduler": {"errors"},
    "media": {"errors"},
    "reports": {"errors", "protocol"},
    "components": {"errors", "media"},
    "themes": {"errors", "components"},
    "definition": {"errors", "protocol", "scheduler", "media", "components"},
    # gradio: the scheduler's tables too (a listener's trigger_mode, a shared concurrency_id),
    # and the run context (a block made while a function runs is an update, not a definition).
    "gradio": {"errors", "scheduler", "media", "reports", "components", "themes", "definition"},
    "session": {"errors", "protocol", "scheduler", "media", "reports", "components", "definition"},
    "direct": set(),
    "collector": set(),
    "loopwatch": {"scheduler"},
    "server": {
        "errors", "protocol", "components", "definition", "session", "web", "direct", "loopwatch",
    },
    "web": {"errors", "protocol", "components", "definition", "session", "client"},
    "uvicorn_socket": {"direct"},
    "ports": {"errors"},
    "scaffold": {"errors"},
    "reload": {"errors", "protocol", "components", "definition", "server"},
    "cli": {
        "api", "errors", "protocol", "definition", "server", "ports", "scaffold", "reload",
        "uvicorn_socket", "collector",
    },
    "testing": {"errors", "protocol", "components", "definition", "session"},
    "client": {"errors", "protocol"},
    "api": {
        "errors",
        "reports",
        "scheduler",
        "media",
        "components",
        "themes",
        "definition",
        "gradio",
        "client",
    },
    "__main__": {"cli"},
}

# The launch seam: (module, imported name) pairs allowed only as a late import in a function.
SEAMS = {
    ("definition/serving.py", "reactive.cli"),
    ("definition/serving.py", "reactive.server"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "api"
    return "reports" if parts[1] in REPORTS else parts[1]


def imported(node: ast.AST) -> list[str]:
    """The modules an import statement names; ``from reactive import x`` names ``reactive.x``."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom) or not node.module or node.level != 0:
        return []
    if node.module == "reactive":
        return [
            f"reactive.{alias.name}"
            if (PACKAGE / f"{alias.name}.py").exists() or (PACKAGE / alias.name).is_dir()
            else "reactive"
            for alias in node.names
        ]
    return [node.module]


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        found.update(imported(node))
    return found


def module_level_imports_of(path: Path) -> set[str]:
    """Imports outside any function body (``if TYPE_CHECKING:`` blocks included)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            found.update(imported(child))
            visit(child)

    visit(ast.parse(path.read_text()))
    return found


def modules(folder: str = "") -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def reactive_imports(path: Path) -> set[str]:
    return {name for name in imports_of(path) if name.split(".")[0] == "reactive"}


def relative(path: Path) -> str:
    return str(path.relative_to(PACKAGE).as_posix())


def seams_of(path: Path) -> set[str]:
    return {name for module, name in SEAMS if module == relative(path)}


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_every_import_points_inwards(path: Path) -> None:
    own = layer_of(module_name(path))
    assert own in ALLOWED, f"{relative(path)}: layer {own!r} is missing from ALLOWED"
    bad = {
        name
        for name in reactive_imports(path) - seams_of(path)
        if layer_of(name) != own and layer_of(name) not in ALLOWED[own]
    }
    assert not bad, f"{relative(path)} ({own}) imports {sorted(bad)}"


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


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_only_server_and_web_import_starlette_and_only_cli_imports_uvicorn(path: Path) -> None:
    names = {name.split(".")[0] for name in imports_of(path)}
    if relative(path) != "server.py" and not relative(path).startswith("web/"):
        assert "starlette" not in names, f"{relative(path)} imports starlette"
    if relative(path) not in ("cli.py", "uvicorn_socket.py"):  # the latter: the cli's protocol
        assert "uvicorn" not in names, f"{relative(path)} imports uvicorn"


@pytest.mark.parametrize("path", modules("components") + modules("media"), ids=relative)
def test_components_know_nothing_of_sessions_or_servers(path: Path) -> None:
    outer = ("reactive.session", "reactive.server", "reactive.cli", "reactive.definition")
    assert not {name for name in reactive_imports(path) if name.startswith(outer)}


@pytest.mark.parametrize(
    "path", modules("definition") + modules("gradio"), ids=lambda p: relative(p)
)
def test_definitions_never_import_session_server_or_cli(path: Path) -> None:
    outer = ("reactive.session", "reactive.server", "reactive.cli", "reactive.testing")
    late = seams_of(path)
    assert not {n for n in reactive_imports(path) - late if n.startswith(outer)}
    assert not module_level_imports_of(path) & late, f"{relative(path)}: the seam must be late"


def test_the_launch_seam_is_where_the_table_says() -> None:
    for module, name in SEAMS:
        path = PACKAGE / module
        assert name in imports_of(path), f"{module} no longer imports {name}: drop the seam"
        assert name not in module_level_imports_of(path), f"{module} imports {name} early"


def test_launch_reaches_the_cli_through_the_seam(monkeypatch: pytest.MonkeyPatch) -> None:
    from reactive import cli
    from reactive.definition.app import App

    calls: list[tuple[App, str, int]] = []

    def serve(app: App, *, host: str, port: int) -> None:
        calls.append((app, host, port))

    monkeypatch.setattr(cli, "serve", serve)
    app = App(title="Seam")
    app.launch(host="127.0.0.2", port=8123)
    assert calls == [(app, "127.0.0.2", 8123)]


def test_importing_reactive_loads_no_session_server_or_cli() -> None:
    code = (
        "import sys, reactive; "
        "outer = ('reactive.session', 'reactive.server', 'reactive.cli', 'uvicorn', 'starlette'); "
        "print(sorted(m for m in sys.modules if m.startswith(outer)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "[]", result.stdout


def test_asgi_reaches_the_server_through_the_seam() -> None:
    from reactive.definition.app import App
    from reactive.server import MountedApp

    assert isinstance(App(title="Seam").asgi(), MountedApp)

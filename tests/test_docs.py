"""The documentation's Python snippets run: every ```python block of the quick start and guide.

Blocks fenced ```py are fragments (a test file that imports ``app``) and are only shown. The
site itself is built with ``mkdocs build --strict`` in scripts/check.sh.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import reactive as rx

DOCS = Path(__file__).parent.parent / "docs"
PAGES = [DOCS / "quickstart.md", *sorted((DOCS / "guide").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def snippets() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for number, code in enumerate(BLOCK.findall(page.read_text()), 1):
            found.append((f"{page.relative_to(DOCS)}#{number}", code))
    return found


def test_every_guide_page_has_a_snippet_or_says_why_not() -> None:
    with_code = {name.split("#")[0] for name, _ in snippets()}
    assert with_code >= {"quickstart.md", "guide/functions.md", "guide/deployment.md"}


@pytest.mark.parametrize(("name", "code"), snippets(), ids=[n for n, _ in snippets()])
def test_the_snippet_runs_and_defines_what_it_shows(
    name: str, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "docs_snippet"}
    exec(compile(code, name, "exec"), namespace)
    if "import reactive" in code and "AppTester" not in code:
        assert any(isinstance(v, rx.App) for v in namespace.values()), f"{name} defines no app"


def test_the_nav_keeps_pages_that_exist_and_drops_the_others(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "mkdocs_hooks", DOCS.parent / "scripts" / "mkdocs_hooks.py"
    )
    assert spec is not None
    assert spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    (tmp_path / "guide").mkdir()
    for page in ("index.md", "chat.md", "guide/a.md"):
        (tmp_path / page).write_text("# x\n")
    nav = [
        {"Home": "index.md"},
        {"Chat": "chat.md"},
        {"Components": "components.md"},
        {"Guide": [{"A": "guide/a.md"}, {"B": "guide/b.md"}]},
        {"Later": [{"C": "later/c.md"}]},
    ]
    config = hooks.on_config({"nav": nav, "docs_dir": str(tmp_path)})
    assert config["nav"] == [
        {"Home": "index.md"},
        {"Chat": "chat.md"},
        {"Guide": [{"A": "guide/a.md"}]},
    ]

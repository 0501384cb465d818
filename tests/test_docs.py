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

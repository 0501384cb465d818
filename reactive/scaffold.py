"""``reactive new NAME``: a folder with a small app and a test of it that passes."""

from __future__ import annotations

from pathlib import Path

from reactive.errors import AppLoadError

APP = '''"""{title}: type a name, get a greeting. Run it with `reactive run app.py --reload`."""

import reactive as rx

app = rx.App(title="{title}")


@app.fn(
    inputs=rx.Textbox(label="Name", elem_id="name"),
    outputs=rx.Text(label="Greeting", elem_id="greeting"),
    live=True,
)
def greet(name: str) -> str:
    return f"Hello, {{name or 'world'}}!"
'''

TEST = '''"""Tests of app.py, in memory (no server, no browser): `python -m pytest`."""

import asyncio

from reactive.testing import AppTester

from app import app, greet


def test_greet_is_plain_python() -> None:
    assert greet("Ada") == "Hello, Ada!"


def test_typing_a_name_shows_the_greeting() -> None:
    async def scenario() -> None:
        async with AppTester(app) as page:
            await page.input("name", "Ada")
            assert await page.wait_value("greeting", "Hello, Ada!")

    asyncio.run(scenario())
'''

# Lets `python -m pytest` in the folder import app.py without installing anything.
CONFTEST = """import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
"""


def write_app(folder: Path) -> Path:
    """Create ``folder`` with ``app.py``, ``test_app.py`` and ``conftest.py``; returns it.

    Raises:
        AppLoadError: the folder exists and is not empty (nothing is overwritten).
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise AppLoadError(f"{folder} already exists and is not empty: pick another name.")
    title = folder.resolve().name.replace("_", " ").replace("-", " ").strip().capitalize()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "app.py").write_text(APP.format(title=title or "App"))
    (folder / "test_app.py").write_text(TEST)
    (folder / "conftest.py").write_text(CONFTEST)
    return folder


def next_steps(folder: Path) -> str:
    return (
        f"Wrote {folder}/app.py and its test. Next:\n"
        f"  cd {folder}\n"
        f"  reactive run app.py --reload --open   # the app, reloading as you edit\n"
        f"  python -m pytest                      # its tests"
    )

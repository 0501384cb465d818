"""Apps whose ``launch()`` was called while their module was imported, by module name.

``gr.Interface(fn, "text", "text").launch()`` at the end of a module, the app in no variable:
``reactive run`` (which imports the module, so ``launch()`` does nothing) finds it here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reactive.definition.app import App

_launched: dict[str, App] = {}


def note(module: str, app: App) -> None:
    """``app.launch()`` was called from ``module`` while it was being imported."""
    _launched[module] = app


def launched_in(module: str) -> App | None:
    """The app ``module`` last launched, if any."""
    return _launched.get(module)

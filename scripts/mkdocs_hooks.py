"""MkDocs hooks (mkdocs.yml ``hooks:``): nav entries whose page does not exist are dropped.

Several branches add pages under docs/ at their own pace; listing them in mkdocs.yml ahead of
time must not break ``mkdocs build --strict`` on a branch that has not got them yet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _present(entry: Any, docs: Path) -> Any:
    """The entry with missing pages removed, or None when nothing of it is left."""
    if isinstance(entry, str):
        return entry if "://" in entry or (docs / entry).is_file() else None
    if isinstance(entry, dict):
        kept = {title: _present(value, docs) for title, value in entry.items()}
        kept = {title: value for title, value in kept.items() if value not in (None, [])}
        return kept or None
    if isinstance(entry, list):
        return [item for item in (_present(e, docs) for e in entry) if item is not None]
    return entry


def on_config(config: Any) -> Any:
    if config.get("nav"):
        config["nav"] = _present(config["nav"], Path(config["docs_dir"]))
    return config

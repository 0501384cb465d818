"""``gr.BrowserState``: a value kept in the page's localStorage, so it outlives a reload."""

from __future__ import annotations

import copy
import json
from typing import Any

from reactive.components.base import Component
from reactive.errors import DefinitionError, OutputError


class BrowserState(Component):
    """A value the browser keeps across reloads and restarts (its ``localStorage``).

    As an input, a function receives the stored value (``default_value`` until one is stored);
    as an output, the value a function returns is stored in the page. It is not drawn. Values
    are JSON: strings, numbers, booleans, None, lists and dicts of them.

    Args:
        default_value: the value before anything is stored.
        storage_key: the localStorage key (default: one per component and page address).
    """

    type = "browserstate"

    def __init__(
        self,
        default_value: Any = None,
        storage_key: str | None = None,
        secret: str | None = None,
        **kwargs: Any,
    ) -> None:
        if secret is not None:
            raise DefinitionError(
                "BrowserState(secret=...) is not supported: reactive stores the value in the "
                "page as plain JSON. Leave secret out, and keep secrets on the server."
            )
        if not _is_json(default_value):
            raise DefinitionError(f"BrowserState keeps JSON values, got {default_value!r}.")
        super().__init__(default_value, **kwargs)
        self.storage_key = storage_key

    def initial_python_value(self) -> Any:
        return copy.deepcopy(self.value)

    def extra_props(self) -> dict[str, Any]:
        return {"storage_key": self.storage_key} if self.storage_key else {}

    def preprocess(self, value: Any) -> Any:
        return value

    def postprocess(self, value: Any) -> Any:
        if not _is_json(value):
            raise OutputError(
                f"BrowserState keeps JSON values (text, numbers, lists, dicts), got {value!r}."
            )
        return value


def _is_json(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True

"""A Chatbot's examples: cards shown while the conversation is empty (``Chatbot(examples=)``).

Each example is ``{"text"?, "display_text"?, "icon"?: path, "files"?: [path, ...]}``, as in
Gradio. The page shows the display text (or the text), the icon and the files' names; a click
sends only the example's index, and the server fills the event's ``value`` from its own copy, so
a page can neither invent an example nor learn more of the server's paths than their names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from copy import deepcopy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reactive.errors import DefinitionError

if TYPE_CHECKING:
    from reactive.components.base import Component

Example = dict[str, Any]
KEYS = ("text", "display_text", "icon", "files")


def clean_examples(owner: str, examples: Sequence[Any] | None) -> list[Example] | None:
    """The examples as the app gave them (copied), or a DefinitionError naming what is wrong."""
    if examples is None:
        return None
    if isinstance(examples, str | Mapping) or not isinstance(examples, Sequence):
        raise DefinitionError(f"{owner} examples= is a list of dicts {{text, files, ...}}.")
    return [_clean(owner, i, example) for i, example in enumerate(examples)]


def _clean(owner: str, index: int, example: Any) -> Example:
    where = f"{owner} examples[{index}]"
    if not isinstance(example, Mapping):
        raise DefinitionError(f"{where} is a dict {{text, display_text, icon, files}}.")
    unknown = sorted(set(example) - set(KEYS))
    if unknown:
        raise DefinitionError(f"{where} has unknown key(s) {unknown}; the keys are {list(KEYS)}.")
    for key in ("text", "display_text", "icon"):
        if example.get(key) is not None and not isinstance(example[key], str | Path):
            raise DefinitionError(f"{where}[{key!r}] is text (a path for the icon).")
    files = example.get("files")
    many = isinstance(files, Sequence) and not isinstance(files, str)
    if files is not None and not isinstance(files, str | Path) and not _all_paths(files, many):
        raise DefinitionError(f"{where}['files'] is a list of file paths.")
    return deepcopy(dict(example))


def _all_paths(files: Any, many: bool) -> bool:
    return many and all(isinstance(f, str | Path) for f in files)


def examples_wire(owner: Component, examples: list[Example], icon: Any) -> list[dict[str, Any]]:
    """What the page draws: the label, the icon (an image, or None if its file is missing) and
    the files' names. ``icon`` turns a path into the page's image value."""
    drawn: list[dict[str, Any]] = []
    for example in examples:
        label = example.get("display_text") or example.get("text") or ""
        card: dict[str, Any] = {"text": str(label)}
        path = example.get("icon")
        if path is not None and _drawable(path):
            card["icon"] = icon(path)
        names = [Path(f).name for f in _files(example)]
        if names:
            card["files"] = names
        drawn.append(card)
    return drawn


def _drawable(icon: Any) -> bool:
    """A URL, or a file that exists (Gradio's own demos name icons they do not ship)."""
    return str(icon).startswith(("http://", "https://")) or Path(icon).is_file()


def _files(example: Example) -> list[Any]:
    files = example.get("files")
    if files is None:
        return []
    return [files] if isinstance(files, str | Path) else list(files)


def example_select_data(owner: Component, examples: list[Example] | None, data: Any) -> Any:
    """The event data of a click on example ``data["index"]``: its index and the example."""
    index = data.get("index") if isinstance(data, Mapping) else None
    if not isinstance(index, int) or isinstance(index, bool) or not examples:
        raise owner.invalid(f"example_select data is {{index: int}}, got {data!r:.60}.")
    if not 0 <= index < len(examples):
        raise owner.invalid(f"there is no example {index} (there are {len(examples)}).")
    return {"index": index, "value": deepcopy(examples[index])}

"""The pages of a multipage app (Gradio's ``demo.route(name, path)``).

Each page is an app of its own, served under its path by the main app's server (its page, its
socket, its sessions): ``/`` is the main page, ``/<path>/`` another. A session belongs to one
page, as a Gradio page load does. Every page shows a bar of links to the pages listed in the
navbar (the app's ``gr.Navbar`` draws them, or the page draws a plain one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reactive.errors import DefinitionError

if TYPE_CHECKING:
    from reactive.definition.app import App

#: What the server itself answers under (a page may not take them; Gradio prefixes "_" then).
RESERVED = frozenset({"static", "ws", "api", "mcp", "openapi.json", "favicon.ico", "gradio_api"})
_VALID = re.compile(r"^[A-Za-z0-9\-._~!$&'()*+,;=:@\[\]]+$")


@dataclass(frozen=True)
class Page:
    """One page besides the main one: ``path`` (no slashes), its navbar ``name``, its app."""

    path: str
    name: str
    show_in_navbar: bool
    app: App


def page_path(name: str, path: str | None, taken: list[str]) -> str:
    """The page's URL path: ``path`` stripped of slashes, else ``name`` as a slug; a path the
    server uses or another page took gets a ``_`` in front, as in Gradio."""
    if path:
        path = path.strip("/")
        if not _VALID.match(path):
            raise DefinitionError(
                f"demo.route({name!r}, {path!r}): a page's path may hold letters, digits and "
                f"-._~!$&'()*+,;=:@[] only."
            )
    else:
        path = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        if not path:
            raise DefinitionError(
                f"demo.route({name!r}): no path can be made from this name; give one: "
                f"demo.route({name!r}, '/page')."
            )
    while path in RESERVED or path in taken:
        path = "_" + path
    return path


def links(main: App, current: str, main_name: str | None) -> list[list[Any]]:
    """``[text, href, is_current, is_main]`` per page in the navbar, from the page at ``current``
    (``""``: the main page; ``main_name`` None: not listed); the hrefs are relative, so a
    mount's prefix carries over."""
    up = "../" if current else "./"
    rows: list[list[Any]] = [] if main_name is None else [[main_name, up, current == "", True]]
    for page in main.pages:
        if not page.show_in_navbar:
            continue
        here = page.path == current
        rows.append([page.name, "./" if here else f"{up}{page.path}/", here, False])
    return rows

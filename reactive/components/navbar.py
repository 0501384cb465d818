"""Navbar: a bar of links at the top of the page (Gradio's ``gr.Navbar``).

Example::

    gr.Navbar(value=[("About", "https://example.com/about")], main_page_name="Dashboard")

``value`` is a list of ``(text, url)`` links; ``main_page_name`` names the link to the app's
own page (``False``: none). In a multipage app (``demo.route``) the pages' links come
first, given by the app when the page is drawn (``reactive.definition.pages``). A listener
may return ``gr.Navbar(visible=False)`` or new links.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar
from urllib.parse import urlsplit

from reactive.components.base import Component
from reactive.errors import DefinitionError, OutputError

#: Links may be relative ("", "second", "?a=1") or to these schemes (never javascript:).
_SAFE_SCHEMES = frozenset({"", "http", "https", "mailto"})


class Navbar(Component):
    """Links at the top of the page: the app's own page, then ``value``'s ``(text, url)``."""

    type = "navbar"
    accepts_input: ClassVar[bool] = False
    updatable: ClassVar[frozenset[str]] = frozenset({"main_page_name"})

    def __init__(
        self,
        value: Sequence[tuple[str, str]] | None = None,
        *,
        main_page_name: str | bool = "Home",
        **kwargs: Any,
    ) -> None:
        if main_page_name is True or not isinstance(main_page_name, str | bool):
            raise DefinitionError(
                f"Navbar main_page_name takes the main page's link text, or False for none; "
                f"got {main_page_name!r}."
            )
        super().__init__(value, **kwargs)
        self.main_page_name = main_page_name
        try:
            self.postprocess(value)
        except OutputError as exc:
            raise DefinitionError(str(exc)) from None

    def set_prop(self, name: str, value: Any) -> None:
        if name == "main_page_name" and not isinstance(value, str | bool):
            raise OutputError(f"{self!r}: main_page_name takes text or False, got {value!r}.")
        super().set_prop(name, value)

    def extra_props(self) -> dict[str, Any]:
        return {"main_page_name": self.main_page_name or None}

    def postprocess(self, value: Any) -> list[list[str]] | None:
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise OutputError(f"{self!r} takes a list of (text, url) links, got {value!r}.")
        links: list[list[str]] = []
        for item in value:
            if not (isinstance(item, list | tuple) and len(item) == 2
                    and all(isinstance(part, str) for part in item)):  # fmt: skip
                raise OutputError(f"{self!r}: each link is a (text, url) pair, got {item!r}.")
            text, url = item
            # Browsers drop control characters and spaces around a URL: "\x01javascript:"
            # would run, so any such character refuses the link outright.
            hidden = any(ord(c) < 0x21 or ord(c) == 0x7F for c in url)
            if hidden or urlsplit(url).scheme.lower() not in _SAFE_SCHEMES:
                raise OutputError(
                    f"{self!r}: the link {url!r} must be http(s), mailto: or relative, with "
                    f"no spaces or control characters (encode them: %20)."
                )
            links.append([text, url])
        return links

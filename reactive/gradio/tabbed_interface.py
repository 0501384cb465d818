"""``gr.TabbedInterface``: several apps, one per tab, on one page.

Example::

    hello = gr.Interface(lambda name: "Hello " + name, "text", "text")
    bye = gr.Interface(lambda name: "Bye " + name, "text", "text")
    demo = gr.TabbedInterface([hello, bye], ["Hello", "Bye"])

Each app is placed in its tab as ``app.render()`` would place it (``reactive.gradio.nesting``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reactive.components import Markdown
from reactive.errors import DefinitionError
from reactive.gradio.blocks import Blocks
from reactive.gradio.gradio_app import GradioApp
from reactive.gradio.layouts import Tab, Tabs


class TabbedInterface(Blocks):
    """A Blocks page with one tab per app in ``interface_list``, labelled by ``tab_names``
    (default "Tab 1", "Tab 2", ...); ``title`` is drawn above the tabs."""

    def __init__(
        self,
        interface_list: Sequence[GradioApp],
        tab_names: Sequence[str] | None = None,
        title: str | None = None,
        theme: Any = None,
        analytics_enabled: bool | None = None,
        css: str | None = None,
        js: str | None = None,
        head: str | None = None,
        **unsupported: Any,
    ) -> None:
        apps = list(interface_list)
        names = _names(apps, tab_names)
        super().__init__(
            theme=theme, title=title or "Gradio", css=css, js=js, head=head, **unsupported
        )
        with self:
            if title:
                Markdown(f"# {title}")
            with Tabs():
                for app, name in zip(apps, names, strict=True):
                    with Tab(name):
                        app.render()


def _names(apps: list[GradioApp], tab_names: Sequence[str] | None) -> list[str]:
    for app in apps:
        if not isinstance(app, GradioApp):
            raise DefinitionError(
                f"gr.TabbedInterface takes Gradio apps (gr.Interface, gr.ChatInterface, "
                f"gr.Blocks), got {app!r}."
            )
    if tab_names is None:
        return [f"Tab {index}" for index in range(1, len(apps) + 1)]
    names = [str(name) for name in tab_names]
    if len(names) != len(apps):
        raise DefinitionError(
            f"gr.TabbedInterface got {len(apps)} apps but {len(names)} tab_names: give one "
            f"name per app."
        )
    return names

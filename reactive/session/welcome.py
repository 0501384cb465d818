"""The welcome a page gets when it attaches: the app as this session has it.

A session may have its own copy of a component (``rx.update`` replaced it), and a resumed page
must show the values it had: the last value sent, else the one the page itself set.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from reactive.components.base import Component
from reactive.definition.app import App
from reactive.protocol.messages import Welcome
from reactive.session.values import Values


def welcome(
    session_id: str,
    resumed: bool,
    app: App,
    components: Mapping[str, Component],
    values: Values,
    rendered: Callable[[str], Any] = lambda slot: None,
    languages: Sequence[str] = (),
) -> Welcome:
    """The ``welcome`` message for a page attaching to session ``session_id``; an app with
    translations (``gr.I18n``) shows its texts in the first of ``languages`` it has."""
    described = describe(app, components, values, rendered)
    if app.i18n is not None:
        described = app.i18n.translate(described, languages)
    return Welcome(session_id, resumed, described)


def describe(
    app: App,
    components: Mapping[str, Component],
    values: Values,
    rendered: Callable[[str], Any] = lambda slot: None,
) -> dict[str, Any]:
    """``app.describe()`` with this session's components and the values its page shows.

    ``rendered(slot)``: a ``@gr.render`` slot's sub-layout as it is now (with its components'
    current values), or None; it stands for the slot's value.
    """
    described = app.describe()
    for cid, spec in described["components"].items():
        if components[cid] is not app.components[cid]:
            spec["props"] = app.component_props(components[cid])
        shown, value = values.shown(cid)
        if spec["type"] == "render":
            shown, value = True, rendered(cid)
        if shown:
            spec["props"]["value"] = value
    return described

"""``gr.HTML(html_template=, css_template=, js_on_load=, **props)``: Gradio's templated HTML.

The page fills ``html_template`` (``${value}``, ``${prop}``, ``{{value}}``, ``{{#each value}}``)
with the value and the extra props, sanitizes it, scopes ``css_template`` to the component,
and runs ``js_on_load`` once with ``element``, ``trigger(event, data)`` and ``props`` (setting
``props.value`` sends the value). ``@children`` is where the components made inside
``with gr.HTML(...):`` go. The author's JavaScript runs in the page, so such an app's CSP
allows ``'unsafe-eval'`` (server.page_policy), as for ``js=`` listeners.
"""

from __future__ import annotations

from typing import Any

#: Events ``trigger(...)`` in ``js_on_load`` can send to listeners.
TEMPLATE_EVENTS = frozenset({"click", "submit", "keypress", "select", "double_click"})

#: Gradio's HTML parameters about its own box: accepted, not drawn.
COSMETIC = frozenset({"min_height", "max_height", "padding", "apply_default_css", "autoscroll"})

#: The parameters every component takes (a keyword not among them is a template prop).
COMPONENT_PARAMS = frozenset({
    "label", "info", "visible", "interactive", "elem_id", "elem_classes", "show_label", "scale",
    "min_width", "container", "render", "key", "preserved_by_key", "every", "inputs",
})  # fmt: skip


def split_props(kwargs: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(template props, the rest)``: a keyword no component takes is a prop of the template."""
    own = {k: v for k, v in kwargs.items() if k not in COMPONENT_PARAMS | COSMETIC}
    rest = {k: v for k, v in kwargs.items() if k not in own}
    return own, rest

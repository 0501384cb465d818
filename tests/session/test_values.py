"""The session's one value store: Python value, page value and last sent value per component."""

from __future__ import annotations

import reactive as rx
from reactive.session.values import Values


def test_defaults_then_page_then_results() -> None:
    box, out = rx.Textbox(value="hi", elem_id="box"), rx.Text(elem_id="out")
    values = Values({"box": box, "out": out})
    assert values.args([box]) == ("hi",)
    assert values.shown("box") == (False, None)
    values.set_from_page("box", "typed", "typed")
    values.set_result("out", "TYPED")
    assert values.python == {"box": "typed", "out": "TYPED"}
    assert values.shown("box") == (True, "typed")
    assert values.shown("out") == (False, None)  # not written to the page yet


def test_a_sent_value_is_shown_before_the_page_value() -> None:
    values = Values({"box": rx.Textbox(elem_id="box")})
    values.set_from_page("box", "a", "a")
    values.sent("box", "b")
    assert values.shown("box") == (True, "b")

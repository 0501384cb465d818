"""The frozen graph a session reads: built once per app, rebuilt when a function is bound later."""

from __future__ import annotations

import pytest

import reactive as rx


def test_every_session_reads_one_graph_built_once() -> None:
    app = rx.App()
    text, shout = rx.Textbox(elem_id="t"), rx.Text(elem_id="s")

    @app.fn(inputs=text, outputs=shout, live=True)
    def upper(t: str) -> str:
        return t.upper()

    graph = app.graph
    assert app.graph is graph
    assert [f.name for f in graph.triggers[("t", "change")]] == [
        "test_every_session_reads_one_graph_built_once.<locals>.upper"
    ]
    with pytest.raises(TypeError):
        graph.triggers[("x", "change")] = ()  # type: ignore[index]


def test_a_function_bound_later_is_in_the_next_graph() -> None:
    app = rx.App()
    text, shout, echo = rx.Textbox(elem_id="t"), rx.Text(elem_id="s"), rx.Text(elem_id="e")

    @app.fn(inputs=text, outputs=shout, live=True)
    def upper(t: str) -> str:
        return t.upper()

    first = app.graph

    @app.fn(inputs=shout, outputs=echo, live=True)
    def repeat(s: str) -> str:
        return s

    assert app.graph is not first
    assert [f.id for f in app.graph.dependents["s"]] == ["repeat"]

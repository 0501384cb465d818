"""demo.unload(fn), gr.State(delete_callback=) and a per-session gr.Cache: run or dropped when
the session ends."""

from __future__ import annotations

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


async def test_unload_and_delete_callbacks_run_when_the_session_ends() -> None:
    seen: list[object] = []

    def goodbye(request: gr.Request) -> None:
        seen.append(("unload", request.session_hash))

    async def also() -> None:
        seen.append("async unload")

    with gr.Blocks() as demo:
        state = gr.State(0, delete_callback=lambda v: seen.append(("deleted", v)))
        button = gr.Button("Add", elem_id="add")
        button.click(lambda n: n + 5, state, state)
        demo.unload(goodbye)
        demo.unload(also)
    async with AppTester(demo) as page:
        await page.click("add")
        assert await page.wait_status(demo.functions[0].id, "done")
        assert seen == []
        session = page.session
        assert session is not None
    assert ("unload", session.id) in seen
    assert "async unload" in seen
    assert ("deleted", 5) in seen


async def test_a_failing_unload_is_logged_and_the_others_still_run(
    caplog: pytest.LogCaptureFixture,
) -> None:
    seen: list[str] = []

    def broken() -> None:
        raise RuntimeError("boom")

    with gr.Blocks() as demo:
        gr.Textbox()
        demo.unload(broken)
        demo.unload(lambda: seen.append("ran"))
    async with AppTester(demo):
        pass
    assert seen == ["ran"]
    assert "Error in test_a_failing_unload" in caplog.text


def test_unload_takes_a_function() -> None:
    with gr.Blocks() as demo, pytest.raises(DefinitionError, match="takes a function"):
        demo.unload("nope")  # type: ignore[arg-type]


async def test_an_api_call_has_no_page_so_no_unload_runs() -> None:
    from reactive.client.state import FunctionInfo
    from reactive.session.manager import SessionManager
    from reactive.web.oneshot import run_once

    seen: list[str] = []
    with gr.Blocks() as demo:
        text = gr.Textbox()
        out = gr.Textbox()
        gr.Button("Go").click(lambda t: t.upper(), text, out, api_name="shout")
        demo.unload(lambda: seen.append("unload"))
    manager = SessionManager(demo)
    updates = [u async for _, u in run_once(manager, FunctionInfo("shout", [], []), ["hi"])]
    assert updates[-1] is None  # the run ended, and its session with it (run_once's finally)
    assert seen == []
    async with AppTester(demo):  # a page's session: its end runs unload
        pass
    assert seen == ["unload"]

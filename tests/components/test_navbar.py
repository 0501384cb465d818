"""gr.Navbar: links drawn at the top; shown, hidden and renamed by a listener."""

from __future__ import annotations

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


async def test_a_navbar_lists_its_links_and_a_listener_hides_or_renames_it() -> None:
    with gr.Blocks() as demo:
        nav = gr.Navbar(value=[("About", "https://example.com")], main_page_name="Dash",
                        elem_id="nav")  # fmt: skip
        gr.Button("Hide", elem_id="hide").click(lambda: gr.Navbar(visible=False), None, nav)
        gr.Button("Rename", elem_id="rename").click(
            lambda: gr.Navbar(main_page_name="Back"), None, nav
        )
    props = demo.describe()["components"]["nav"]["props"]
    assert props["value"] == [["About", "https://example.com"]]
    assert props["main_page_name"] == "Dash"
    async with AppTester(demo) as page:
        await page.click("hide")
        assert await page.wait_until(lambda: page.page.props.get("nav", {}).get("visible") is False)
        await page.click("rename")
        assert await page.wait_until(
            lambda: page.page.props.get("nav", {}).get("main_page_name") == "Back"
        )


def test_a_navbar_refuses_unsafe_links_and_demo_route_inside_the_with_is_refused() -> None:
    with pytest.raises(DefinitionError, match="must be http"):
        gr.Navbar(value=[("x", " JavaScript:alert(1)")])
    with pytest.raises(DefinitionError, match="must be http"):
        gr.Navbar(value=[("x", "\x01javascript:alert(1)")])
    relative = gr.Navbar(value=[("Main", ""), ("Two", "second"), ("Q", "?a=1")])
    assert relative.postprocess(relative.value) == [["Main", ""], ["Two", "second"], ["Q", "?a=1"]]
    assert gr.Navbar(main_page_name=False).extra_props()["main_page_name"] is None
    with gr.Blocks() as demo, pytest.raises(DefinitionError, match=r"demo\.route.*unindent it"):
        demo.route("Settings", "/settings")  # a page is made after the main page's `with`

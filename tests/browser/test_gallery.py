"""The demo gallery in light and dark mode: every tab draws, screenshots in test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
from playwright.sync_api import Browser, expect

from reactive.cli import background_server, load_app
from tests.browser.conftest import open_app, screenshot

DEMO = Path(__file__).parent.parent.parent / "demos" / "gallery.py"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_gallery_draws_every_tab(browser: Browser, scheme: Literal["light", "dark"]) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 860}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        with background_server(load_app(str(DEMO))) as url:
            open_app(page, url)
            background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
            assert (background == "rgb(17, 18, 20)") == (scheme == "dark")
            expect(page.locator("#g-json .rx-value")).to_contain_text("'#e8590c' (str)")
            expect(page.locator("#g-label .rx-label-top")).not_to_be_empty()
            screenshot(page, f"gallery-{scheme}-inputs")
            tabs = page.get_by_role("tab")
            tabs.nth(2).click()
            expect(page.locator("#g-gallery img")).to_have_count(4)
            screenshot(page, f"gallery-{scheme}-collections")
            tabs.nth(3).click()
            page.locator("#g-msg input").fill("hello")
            page.locator("#g-msg input").press("Enter")
            expect(page.locator("#g-chat .rx-msg[data-role=assistant] pre")).to_be_visible()
            screenshot(page, f"gallery-{scheme}-chat")
    finally:
        context.close()
    assert not errors, errors

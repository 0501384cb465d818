"""Staleness belongs to a function's run, in Chromium: a ticker stays live after a Clear."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Serve, open_app
from tests.browser.test_core import RECORD_TEXTS
from tests.session.test_staleness import ticker_app

NUMBER = re.compile(r"^\d+$")


# True once the output showed "cleared" (the `n`-th time) and then `after` ticks.
TICKS_AFTER_CLEAR = """([n, after]) => {
  const seen = window.__seen;
  let at = -1;
  for (let k = 0; k < n; k++) at = seen.indexOf("cleared", at + 1);
  return at >= 0 && seen.slice(at + 1).filter((t) => /^\\d+$/.test(t)).length >= after;
}"""


def seen(page: Page) -> list[str]:
    texts: list[str] = page.evaluate("window.__seen")
    return texts


@pytest.mark.parametrize("kind", ["async", "sync"])
def test_a_ticker_stays_live_after_a_clear_writes_its_output(
    page: Page, serve: Serve, kind: str
) -> None:
    # A tick every 0.4 s: the Clear's reply (a click and a trivial call, tens of ms) cannot share
    # a rendered frame with the next tick, which would paint only the newer of the two.
    open_app(page, serve(ticker_app(kind, period=0.4)))
    page.evaluate(RECORD_TEXTS, "#out .rx-value")
    page.locator("#start button").click()
    page.wait_for_function("() => window.__seen.length >= 2", timeout=10_000)  # ticking
    page.locator("#clear button").click()
    # The ticker's next values are shown again: its run is still the newest of *its* function.
    page.wait_for_function(TICKS_AFTER_CLEAR, arg=[1, 3], timeout=10_000)
    # The newest write wins, whichever function made it: a second Clear shows, then the ticker.
    page.locator("#clear button").click()
    page.wait_for_function(TICKS_AFTER_CLEAR, arg=[2, 2], timeout=10_000)
    texts = seen(page)
    assert texts.count("cleared") == 2
    ticks = [int(t) for t in texts if NUMBER.match(t)]
    assert ticks == sorted(set(ticks))  # in order, none twice
    assert texts[-1] != "cleared"
    expect(page.locator("#out .rx-value")).to_have_text(NUMBER)

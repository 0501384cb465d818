"""In Chromium: DNS rebinding is refused (item 5); the page runs no inline script and a
downloaded HTML file runs nowhere in the app's origin (item 7). See docs/security.md."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Error, Page, Playwright

import reactive as rx
from tests.browser.conftest import ARGS, CHROMIUM, Serve, open_app


@pytest.fixture(scope="module")
def rebinding_browser(playwright: Playwright) -> Iterator[Browser]:
    """A browser in which evil.example resolves to this machine, as after a DNS rebinding."""
    args = [*ARGS, "--host-resolver-rules=MAP evil.example 127.0.0.1"]
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
    yield browser
    browser.close()


def text_app() -> rx.App:
    app = rx.App(title="secure")

    @app.fn(inputs=rx.Textbox(elem_id="t"), outputs=rx.Text(elem_id="o"), live=True)
    def echo(text: str) -> str:
        return text

    return app


def test_a_rebound_name_gets_no_app_and_localhost_does(
    rebinding_browser: Browser, serve: Serve
) -> None:
    url = serve(text_app())
    port = url.rstrip("/").rsplit(":", 1)[1]
    page = rebinding_browser.new_page()
    try:
        response = page.goto(f"http://evil.example:{port}/")
        assert response is not None
        assert response.status == 400
        assert "--allowed-host evil.example" in page.content()
        assert page.locator("#rx-root").count() == 0
        open_app(page, f"http://localhost:{port}/")
        page.fill("#t input", "hi")
        page.wait_for_selector("#o .rx-value:has-text('hi')")
    finally:
        page.close()


def test_the_page_runs_under_a_policy_without_inline_script(page: Page, serve: Serve) -> None:
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    url = serve(text_app())
    response = page.goto(url)
    assert response is not None
    headers = response.headers
    assert "frame-ancestors 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    page.wait_for_selector("html[data-rx-state=ready]")
    page.fill("#t input", "typed")
    page.wait_for_selector("#o .rx-value:has-text('typed')")
    assert violations == []  # the app itself needs nothing the policy forbids
    ran = page.evaluate(
        """() => {
            const s = document.createElement("script");
            s.textContent = "window.__injected = true";
            document.body.append(s);
            return window.__injected === true;
        }"""
    )
    assert ran is False
    assert any("Content Security Policy" in v for v in violations)


def test_a_downloaded_html_file_runs_no_script_in_the_apps_origin(
    page: Page, serve: Serve, tmp_path: Path
) -> None:
    evil = tmp_path / "report.html"
    evil.write_text("<script>localStorage.setItem('ran', 'yes')</script><p>report</p>")
    app = rx.App()

    @app.fn(inputs=[], outputs=rx.File(elem_id="f"), trigger=rx.Button("Go", elem_id="go"))
    def make() -> str:
        return str(evil)

    open_app(page, serve(app))
    page.click("#go button")
    link = page.wait_for_selector("#f a.rx-download")
    assert link is not None
    href = link.get_attribute("href")
    assert href is not None
    assert href.startswith("blob:")
    tab = page.context.new_page()  # as "open link in new tab" does
    try:
        # A navigation that becomes a download is aborted: goto raises, the download comes.
        with tab.expect_download(timeout=5000) as download, contextlib.suppress(Error):
            tab.goto(href)
        assert download.value.suggested_filename
    finally:
        tab.close()
    assert page.evaluate("localStorage.getItem('ran')") is None

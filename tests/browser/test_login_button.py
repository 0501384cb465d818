"""gr.LoginButton in Chromium, run locally: a click says sign-in is unavailable, and a listener
asking for `gr.OAuthProfile | None` runs with None (Gradio's rate_limit demo, in short)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

import reactive as gr
from tests.browser.conftest import Serve, open_app, screenshot


def test_the_login_button_says_sign_in_is_unavailable_and_functions_get_none(
    page: Page, serve: Serve
) -> None:
    def status(profile: gr.OAuthProfile | None, request: gr.Request) -> str:
        who = "not logged in" if profile is None else f"logged in as {profile.username}"
        return f"You are {who} (from {request.client.host})."

    with gr.Blocks() as demo:
        login = gr.LoginButton(elem_id="login")
        text = gr.Markdown("Loading status...", elem_id="status")
        clicks = gr.Markdown(elem_id="clicks")
        demo.load(status, inputs=None, outputs=text)
        login.click(lambda: "clicked", None, clicks)
    open_app(page, serve(demo))
    expect(page.locator("#status")).to_contain_text("You are not logged in (from 127.0.0.1).")
    button = page.get_by_role("button", name="Sign in with Hugging Face")
    note = page.locator("#login .rx-login-note")
    expect(note).to_be_hidden()
    button.click()
    expect(note).to_have_text("Sign-in with Hugging Face is not available when running locally.")
    expect(page.locator("#clicks")).to_contain_text("clicked")
    expect(page.locator("#login")).to_have_attribute("data-component", "loginbutton")
    screenshot(page, "login-button")

"""gr.LoginButton, gr.OAuthProfile and gr.OAuthToken when running locally (no Hugging Face
OAuth): the button is a button, and a `gr.OAuthProfile | None` parameter gets None."""

from __future__ import annotations

from typing import Any, Optional

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def test_login_button_is_a_button_that_says_sign_in_is_unavailable() -> None:
    button = gr.LoginButton()
    assert button.type == "loginbutton"
    props = button.props()
    assert props["value"] == "Sign in with Hugging Face"
    assert props["variant"] == "secondary"  # Gradio's "huggingface" look
    assert props["unavailable"] == (
        "Sign-in with Hugging Face is not available when running locally."
    )


async def test_optional_profile_and_token_get_none_beside_the_request() -> None:
    def hello(profile: gr.OAuthProfile | None, request: gr.Request) -> str:
        return "I don't know you." if profile is None else f"Hello {profile.name}"

    def orgs(oauth_token: Optional[gr.OAuthToken], name: str) -> str:  # noqa: UP045
        return f"{name}: {'no token' if oauth_token is None else oauth_token.token}"

    def unresolved(token: hub.OAuthToken | None) -> str:  # type: ignore[name-defined]  # noqa: F821
        return f"raw string annotation: {token}"

    with gr.Blocks() as demo:
        login = gr.LoginButton(elem_id="login")
        name = gr.Textbox("Ada", elem_id="name")
        m1, m2, m3 = gr.Markdown(elem_id="m1"), gr.Markdown(elem_id="m2"), gr.Markdown(elem_id="m3")
        demo.load(hello, inputs=None, outputs=m1)
        login.click(orgs, name, m2)
        login.click(unresolved, None, m3)
    async with AppTester(demo) as page:
        assert await page.wait_value("m1", "I don't know you.")
        await page.click("login")
        assert await page.wait_value("m2", "Ada: no token")
        assert await page.wait_value("m3", "raw string annotation: None")


@pytest.mark.parametrize("kind", ["OAuthProfile", "OAuthToken"])
def test_a_required_profile_or_token_is_refused_pointing_at_optional(kind: str) -> None:
    def needs(signed_in: Any) -> str:
        return "never"

    needs.__annotations__["signed_in"] = getattr(gr, kind)
    with gr.Blocks(), pytest.raises(DefinitionError, match=rf"annotate it `gr\.{kind} \| None`"):
        gr.Button().click(needs, None, gr.Markdown())

"""gr.api and gr.mcp on a real server on loopback: an API-only function answers over HTTP and
MCP with its annotated types; gr.mcp names tools and serves resources and prompts."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2 as httpx
import mcp_types as types
import pytest
from mcp import Client as McpClient

import reactive as gr
from reactive.cli import background_server
from reactive.errors import DefinitionError


def slice_list(lst: list, start: int, end: int) -> list:  # type: ignore[type-arg]
    """Slice a list."""
    return lst[start:end]


@gr.mcp.tool(name="count_letters", description="Count a letter.", _meta={"openai/x": True})
def letter_counter(word: str, letter: str) -> int:
    return word.count(letter)


@gr.mcp.resource("greeting://{name}", mime_type="text/plain")
def get_greeting(name: str) -> str:
    """Get a personalized greeting"""
    return f"Hello, {name}!"


@gr.mcp.resource("ui://widget/app.html", mime_type="text/html")
def app_html() -> str:
    return "<p>widget</p>"


@gr.mcp.prompt()
def greet_user(name: str, style: str = "friendly") -> str:
    """Generate a greeting prompt"""
    return f"Write a {style} greeting for {name}."


def app() -> gr.Blocks:
    with gr.Blocks() as demo:
        gr.api(slice_list)
        word, letter, count = gr.Textbox(), gr.Textbox(), gr.Number()
        gr.Button("Count").click(letter_counter, [word, letter], count)
        greeting = gr.Textbox()
        gr.Button("Greet").click(get_greeting, word, greeting)
        gr.Button("Page").click(app_html, None, greeting)
        gr.Button("Prompt").click(greet_user, [word, letter], greeting)
    demo.configure(mcp_server=True)
    return demo


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with background_server(app()) as url:
        yield url


def test_an_api_only_function_answers_with_its_annotated_types(base: str) -> None:
    with httpx.Client(base_url=base, timeout=20) as http:
        response = http.post("/api/slice_list", json={"lst": [1, 2, 3, 4], "start": 1, "end": 3})
        assert response.json() == {"data": [[2, 3]]}
        wrong = http.post("/api/slice_list", json={"lst": [1], "start": "x", "end": 1})
        assert wrong.status_code == 422


async def test_tools_resources_and_prompts(base: str) -> None:
    async with McpClient(base + "mcp") as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        assert {"slice_list", "count_letters"} <= set(tools)
        assert "get_greeting" not in tools  # a resource, not a tool
        assert "greet_user" not in tools
        assert tools["count_letters"].description == "Count a letter."
        assert tools["count_letters"].meta == {"openai/x": True}
        called = await client.call_tool("count_letters", {"word": "strawberry", "letter": "r"})
        assert isinstance(called.content[0], types.TextContent)
        assert called.content[0].text == "3"
        templates = (await client.list_resource_templates()).resource_templates
        assert [t.uri_template for t in templates] == ["greeting://{name}"]
        listed = (await client.list_resources()).resources
        assert [str(r.uri) for r in listed] == ["ui://widget/app.html"]
        read = await client.read_resource("greeting://Ada")
        assert isinstance(read.contents[0], types.TextResourceContents)
        assert read.contents[0].text == "Hello, Ada!"
        prompts = (await client.list_prompts()).prompts
        assert [(a.name, a.required) for a in prompts[0].arguments or []] == [
            ("name", True),
            ("style", False),
        ]
        got = await client.get_prompt("greet_user", {"name": "Bo"})
        assert isinstance(got.messages[0].content, types.TextContent)
        assert got.messages[0].content.text == "Write a friendly greeting for Bo."


def test_misuse_is_refused() -> None:
    with pytest.raises(DefinitionError, match=r"inside `with gr\.Blocks"):
        gr.api(slice_list)
    with pytest.raises(DefinitionError, match="URI template"):
        gr.mcp.resource("no-scheme")
    demo = gr.Blocks()
    assert demo.launch() == (demo, None, None)  # imported, not run: nothing served

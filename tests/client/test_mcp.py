"""MCP tools on a real server on loopback, driven with the official SDK's own client."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from pathlib import Path

import mcp_types as types
import numpy as np
import pytest
from mcp import Client as McpClient
from PIL import Image

import reactive as rx
from reactive.cli import background_server
from reactive.errors import DefinitionError
from tests.client.apps import Seen, api_app


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    app = api_app(Seen())
    app.enable_mcp()
    with background_server(app) as base:
        yield base + "mcp"


async def test_every_exposed_function_is_a_tool_with_its_docstring_and_schema(url: str) -> None:
    async with McpClient(url) as client:
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
    assert "private" not in tools
    assert {"shout", "count", "invert", "tones"} <= set(tools)
    assert tools["shout"].description == "Upper-case the text."
    schema = tools["repeat"].input_schema
    assert schema["properties"]["text"]["type"] == "string"
    assert schema["properties"]["times"]["type"] == ["number", "null"]
    assert schema["required"] == ["text", "times"]


async def test_a_tool_call_returns_the_output_as_text(url: str) -> None:
    async with McpClient(url) as client:
        result = await client.call_tool("shout", {"text": "hi"})
    assert not result.is_error
    assert [c.text for c in result.content if isinstance(c, types.TextContent)] == ["HI"]


async def test_a_generators_updates_are_progress_notifications(url: str) -> None:
    seen: list[tuple[float, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, message))

    async with McpClient(url) as client:
        result = await client.call_tool("steps", {"n": 3}, progress_callback=on_progress)
        text = await client.call_tool("count", {"n": 4}, progress_callback=on_progress)
    assert isinstance(result.content[0], types.TextContent)
    assert result.content[0].text == "3"
    assert seen[:3] == [(1, "1"), (2, "2"), (3, "3")]
    assert isinstance(text.content[0], types.TextContent)
    assert text.content[0].text == "0 1 2 3 "
    assert seen[-1][1] == "0 1 2 3 "


async def test_pictures_and_sound_return_as_mcp_content(url: str) -> None:
    out = io.BytesIO()
    Image.fromarray(np.full((2, 3, 3), 10, dtype=np.uint8)).save(out, format="PNG")
    picture = {"name": "a.png", "data": base64.b64encode(out.getvalue()).decode()}
    async with McpClient(url) as client:
        image = await client.call_tool("invert", {"picture": picture})
        sound = await client.call_tool("tones", {"chunks": 2})
    content = image.content[0]
    assert isinstance(content, types.ImageContent)
    assert content.mime_type == "image/png"
    pixels = np.asarray(Image.open(io.BytesIO(base64.b64decode(content.data))))
    assert int(pixels[0, 0, 0]) == 245
    audio = sound.content[0]
    assert isinstance(audio, types.AudioContent)
    assert audio.mime_type == "audio/wav"
    assert base64.b64decode(audio.data)[:4] == b"RIFF"


async def test_errors_are_tool_errors_with_the_message(url: str) -> None:
    async with McpClient(url) as client:
        failed = await client.call_tool("fail", {"text": "z"})
        wrong = await client.call_tool("repeat", {"text": "a", "times": "x"})
    assert failed.is_error
    assert isinstance(failed.content[0], types.TextContent)
    assert "cannot take 'z'" in failed.content[0].text
    assert wrong.is_error
    assert isinstance(wrong.content[0], types.TextContent)
    assert "input 1" in wrong.content[0].text


def test_without_mcp_there_is_no_mcp_route() -> None:
    with background_server(api_app(Seen())) as base:
        import httpx2

        assert httpx2.post(base + "mcp", json={}).status_code == 404


def test_mcp_true_is_refused_at_definition_without_the_sdk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "mcp" else real(name, *a)
    )
    with pytest.raises(DefinitionError, match=r"reactive\[mcp\]"):
        rx.App(mcp=True)


def test_a_cross_site_request_to_mcp_is_refused(url: str) -> None:
    import httpx2

    response = httpx2.post(url, json={}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403


def test_reactive_run_mcp_turns_it_on_for_the_loaded_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reactive import cli

    source = tmp_path / "mcp_app.py"
    source.write_text("import reactive as rx\napp = rx.App()\n")
    assert not cli.load_app(str(source)).mcp
    monkeypatch.setattr(cli, "serve_file", lambda *a, **k: None)
    monkeypatch.setenv(cli.MCP_ENV, "0")  # restored (unset) after the test; main sets it
    assert cli.main(["run", str(source), "--mcp"]) == 0
    assert cli.load_app(str(source)).mcp

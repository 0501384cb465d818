"""The HTTP API on a real server on loopback, driven with httpx."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx2 as httpx
import numpy as np
import pytest
from PIL import Image
from starlette.applications import Starlette
from starlette.routing import Mount

import reactive as rx
from reactive.cli import background_server
from reactive.server import create_app
from tests.client.apps import RATE, Seen, api_app


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, Seen]]:
    seen = Seen()
    with background_server(api_app(seen)) as url:
        yield url, seen


@pytest.fixture
def http(served: tuple[str, Seen]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served[0], timeout=20) as client:
        yield client


def _png(pixels: np.ndarray[Any, Any]) -> str:
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, format="PNG")
    return base64.b64encode(out.getvalue()).decode()


def _events(text: str) -> list[tuple[str, Any]]:
    found = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        found.append((lines["event"], json.loads(lines["data"])))
    return found


def test_post_with_data_returns_the_outputs(http: httpx.Client) -> None:
    response = http.post("/api/shout", json={"data": ["hi"]})
    assert response.status_code == 200
    assert response.json() == {"data": ["HI"]}


def test_named_fields_work_too(http: httpx.Client) -> None:
    response = http.post("/api/repeat", json={"text": "ab", "times": 2})
    assert response.json() == {"data": ["abab", 4]}


def test_a_bad_input_is_422_naming_it(http: httpx.Client) -> None:
    response = http.post("/api/repeat", json={"data": ["ab", "three"]})
    assert response.status_code == 422
    assert "input 1" in response.json()["error"]
    unknown = http.post("/api/repeat", json={"txt": "ab"})
    assert unknown.status_code == 422
    assert "Unknown input(s) txt" in unknown.json()["error"]
    count = http.post("/api/repeat", json={"data": ["ab"]})
    assert count.status_code == 422


def test_a_path_for_a_file_input_is_refused(http: httpx.Client) -> None:
    response = http.post("/api/reverse", json={"data": ["/etc/passwd"]})
    assert response.status_code == 422
    assert "not as a path" in response.json()["error"]


def test_api_false_and_unknown_functions_are_404(http: httpx.Client) -> None:
    assert http.post("/api/private", json={"data": ["x"]}).status_code == 404
    assert http.post("/api/nope", json={"data": []}).status_code == 404


def test_a_failing_function_answers_500_with_its_message(http: httpx.Client) -> None:
    response = http.post("/api/fail", json={"data": ["x"]})
    assert response.status_code == 500
    assert "cannot take 'x'" in response.json()["error"]


def test_a_generator_streams_one_event_per_update(http: httpx.Client) -> None:
    response = http.post("/api/steps?stream=1", json={"data": [3]})
    assert response.headers["content-type"].startswith("text/event-stream")
    assert _events(response.text) == [
        ("update", {"data": [1]}),
        ("update", {"data": [2]}),
        ("update", {"data": [3]}),
        ("done", {"data": [3]}),
    ]
    text = _events(http.post("/api/count?stream=1", json={"data": [4]}).text)
    assert text[-1] == ("done", {"data": ["0 1 2 3 "]})
    by_accept = http.post("/api/count", json={"data": [2]}, headers={"Accept": "text/event-stream"})
    assert _events(by_accept.text)[-1] == ("done", {"data": ["0 1 "]})


def test_a_generator_without_streaming_returns_its_last_value(http: httpx.Client) -> None:
    assert http.post("/api/count", json={"data": [3]}).json() == {"data": ["0 1 2 "]}


def test_an_error_during_a_stream_is_an_error_event(http: httpx.Client) -> None:
    events = _events(http.post("/api/fail?stream=1", json={"data": ["y"]}).text)
    assert events[-1][0] == "error"
    assert "cannot take 'y'" in events[-1][1]["error"]


def test_pictures_up_as_base64_and_back_as_a_download_url(http: httpx.Client) -> None:
    pixels = np.full((3, 5, 3), 40, dtype=np.uint8)
    response = http.post("/api/invert", json={"data": [{"name": "a.png", "data": _png(pixels)}]})
    result = response.json()["data"][0]
    assert result["mime"] == "image/png"
    assert (result["w"], result["h"]) == (5, 3)
    download = httpx.get(result["url"])
    assert download.status_code == 200
    assert download.headers["content-type"] == "image/png"
    assert int(np.asarray(Image.open(io.BytesIO(download.content)))[0, 0, 0]) == 215


def test_a_download_url_must_be_exact(http: httpx.Client) -> None:
    assert http.get("/api/file/not-a-token/x.png").status_code == 404


def test_files_by_multipart_upload(served: tuple[str, Seen], http: httpx.Client) -> None:
    files = {"path": ("data.bin", b"12345", "application/octet-stream")}
    response = http.post("/api/reverse", files=files)
    assert response.status_code == 200, response.text
    result = response.json()["data"][0]
    assert httpx.get(result["url"]).content == b"54321"
    assert served[1].received[-1] == b"12345"


def test_streamed_audio_comes_back_as_wav_chunks(http: httpx.Client) -> None:
    events = _events(http.post("/api/tones?stream=1", json={"data": [2]}).text)
    chunks = [payload["data"][0] for kind, payload in events if kind == "update"]
    assert [c["rate"] for c in chunks] == [RATE, RATE]
    whole = events[-1][1]["data"][0]
    wav = httpx.get(whole["url"]).content
    assert wav[:4] == b"RIFF"
    assert len(wav) == 44 + 2 * 1600


def test_a_cross_site_post_is_refused(http: httpx.Client) -> None:
    response = http.post(
        "/api/shout", json={"data": ["x"]}, headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403


def test_a_foreign_host_is_refused(http: httpx.Client) -> None:
    response = http.post("/api/shout", json={"data": ["x"]}, headers={"Host": "evil.example"})
    assert response.status_code == 400


def test_the_api_page_lists_each_function_with_examples(http: httpx.Client) -> None:
    page = http.get("/api")
    assert page.status_code == 200
    assert "POST /api/shout" in page.text
    assert "Upper-case the text." in page.text
    assert "curl -X POST" in page.text
    assert "client.call(&#x27;shout&#x27;, &#x27;hello&#x27;)" in page.text
    assert "private" not in page.text


def test_openapi_describes_each_function(http: httpx.Client) -> None:
    document = http.get("/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/api/private" not in document["paths"]
    post = document["paths"]["/api/repeat"]["post"]
    named = post["requestBody"]["content"]["application/json"]["schema"]["oneOf"][1]
    assert named["properties"]["times"]["type"] == ["number", "null"]
    assert named["properties"]["text"]["type"] == "string"


def test_the_api_page_example_runs(served: tuple[str, Seen], http: httpx.Client) -> None:
    page = http.get("/api").text
    assert f"rx.Client(&#x27;{served[0]}&#x27;)" in page
    with rx.Client(served[0]) as client:
        assert client.call("shout", "hello") == "HELLO"


def test_calls_respect_the_functions_concurrency_limit(served: tuple[str, Seen]) -> None:
    url, seen = served

    def post(x: int) -> Any:
        return httpx.post(url + "api/exclusive", json={"data": [x]}, timeout=20).json()

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(post, range(4)))
    assert results == [{"data": [x]} for x in range(4)]
    assert seen.peak == 1


def test_leaving_an_event_stream_stops_the_run(served: tuple[str, Seen]) -> None:
    url, seen = served
    seen.ticker_stopped.clear()
    with (
        httpx.Client(timeout=20) as http,
        http.stream("POST", url + "api/ticker?stream=1", json={"data": [1]}) as response,
    ):
        lines = response.iter_lines()
        assert next(lines) == "event: update"
        assert json.loads(next(lines).removeprefix("data: ")) == {"data": [1]}
    assert seen.ticker_stopped.wait(10), "the run went on after the caller left"


def test_a_json_body_sent_as_a_form_by_curl_d_still_works(http: httpx.Client) -> None:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}  # what `curl -d` sends
    response = http.post("/api/shout", content='{"data": ["hi"]}', headers=headers)
    assert response.json() == {"data": ["HI"]}


async def test_the_api_works_under_a_mount_prefix() -> None:
    parent = Starlette(routes=[Mount("/demo", app=create_app(api_app(Seen())))])
    transport = httpx.ASGITransport(app=parent)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
        picture = {"name": "a.png", "data": _png(np.zeros((2, 2, 3), dtype=np.uint8))}
        response = await http.post("/demo/api/invert", json={"data": [picture]})
        url = response.json()["data"][0]["url"]
        assert url.startswith("http://127.0.0.1/demo/api/file/")
        assert url.endswith(".png")
        assert (await http.get(url)).headers["content-type"] == "image/png"
        assert "/demo/api/shout" in (await http.get("/demo/openapi.json")).json()["paths"]
        assert "http://127.0.0.1/demo/api/shout" in (await http.get("/demo/api")).text

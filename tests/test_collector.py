"""The serving process freezes what it imported and collects its young objects less often."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from reactive import collector


@pytest.fixture
def restored_collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("restored_collector")
def test_prepare_for_serving_freezes_the_imported_objects_and_raises_the_threshold() -> None:
    gc.unfreeze()
    before = gc.get_freeze_count()
    collector.prepare_for_serving()
    assert gc.get_freeze_count() > before  # the app and its imports: never scanned again
    assert gc.get_threshold() == collector.SERVING_THRESHOLDS
    assert collector.SERVING_THRESHOLDS[0] > 700  # fewer young collections than CPython's


def test_the_server_prepares_the_collector_before_it_serves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import uvicorn

    from reactive import cli

    order: list[str] = []
    monkeypatch.setattr(collector, "prepare_for_serving", lambda: order.append("collector"))

    class Server:
        def __init__(self, config: object) -> None:
            pass

        def run(self, sockets: object) -> None:
            order.append("serve")

    monkeypatch.setattr(uvicorn, "Server", Server)
    config = uvicorn.Config(app=lambda: None, host="127.0.0.1", port=0)
    cli._serve(config, "t", open_browser=False)
    assert order == ["collector", "serve"]

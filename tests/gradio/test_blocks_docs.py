"""docs/gradio.md's "Blocks and events" names every listener and Blocks name reactive offers."""

from __future__ import annotations

from pathlib import Path

from reactive.components.listeners import EVENTS

DOC = (Path(__file__).parent.parent.parent / "docs" / "gradio.md").read_text()
BLOCKS_NAMES = [
    "gr.Blocks", "gr.Row", "gr.Column", "gr.Group", "gr.Accordion", "gr.Tabs", "gr.Tab",
    "gr.TabItem", "gr.on", "demo.load", "gr.EventData", "gr.SelectData", "gr.LikeData",
    "gr.EditData", "gr.Request", "gr.State", "gr.BrowserState", "gr.skip", "gr.render", "gr.Timer",
]  # fmt: skip


def test_every_listener_is_in_the_table() -> None:
    missing = [event for event in EVENTS if f".{event}" not in DOC]
    assert missing == []


def test_every_blocks_name_is_documented() -> None:
    assert [name for name in BLOCKS_NAMES if name not in DOC] == []

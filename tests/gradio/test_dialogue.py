"""gr.Dialogue (speakers' lines, submitted as text or a list) and gr.ParamViewer."""

from __future__ import annotations

import reactive as gr
from reactive.testing import AppTester

LINES = [
    {"speaker": "Speaker 1", "text": "Hello, how are you?"},
    {"speaker": "Speaker 2", "text": "I'm fine, thank you!"},
]


async def test_a_submitted_dialogue_reaches_the_function_as_text() -> None:
    with gr.Blocks() as demo:
        talk = gr.Dialogue(speakers=["Speaker 1", "Speaker 2"], value=LINES, interactive=True,
                           elem_id="talk")  # fmt: skip
        out = gr.Textbox(elem_id="out")
        talk.submit(lambda x: x, talk, out)
    assert demo.describe()["components"]["talk"]["props"]["speakers"] == ["Speaker 1", "Speaker 2"]
    async with AppTester(demo) as page:
        await page.input("talk", [*LINES, {"speaker": "Speaker 1", "text": "Good."}])
        await page.submit("talk")
        assert await page.wait_value(
            "out", "[Speaker 1] Hello, how are you?\n[Speaker 2] I'm fine, thank you!\n"
            "[Speaker 1] Good."
        )  # fmt: skip


def test_a_list_dialogue_and_text_shown_as_lines() -> None:
    talk = gr.Dialogue(type="list", speakers=["A", "B"])
    assert talk.preprocess(LINES) == LINES
    assert talk.postprocess("[B] hi\nplain") == [
        {"speaker": "B", "text": "hi"},
        {"speaker": "A", "text": "plain"},
    ]


def test_param_viewer_rows() -> None:
    viewer = gr.ParamViewer({"number": {"type": "int | float", "description": "The number",
                                        "default": None}})  # fmt: skip
    assert viewer.props()["value"] == [
        {"name": "number", "type": "int | float", "description": "The number", "default": None}
    ]

"""gr.MultimodalTextbox submit: sending 'look' with no files shows 'look (0 files)'."""

import reactive as gr

with gr.Blocks() as demo:
    box = gr.MultimodalTextbox(label="Message", elem_id="box")
    out = gr.Textbox(label="Out", elem_id="out")
    box.submit(lambda m: f"{m['text']} ({len(m['files'])} files)", box, out)

CHECK = [
    ("input", "box", {"text": "look", "files": []}),
    ("submit", "box"),
    ("expect", "out", "look (0 files)"),
]

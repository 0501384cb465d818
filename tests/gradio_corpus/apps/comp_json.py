"""A JSON output: clicking Describe with 'ab' shows {'text': 'ab', 'length': 2}."""

import reactive as gr

with gr.Blocks() as demo:
    text = gr.Textbox(value="ab", label="Text", elem_id="text")
    info = gr.JSON(label="Info", elem_id="info")
    gr.Button("Describe", elem_id="describe").click(
        lambda t: {"text": t, "length": len(t)}, text, info
    )

CHECK = [("click", "describe"), ("expect", "info", {"text": "ab", "length": 2})]

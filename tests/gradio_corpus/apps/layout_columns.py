"""Two Columns (scale 2 and 1); typing 'abc' on the left shows its length '3' on the right."""

import reactive as gr

with gr.Blocks() as demo:
    with gr.Row(equal_height=True):
        with gr.Column(scale=2, min_width=200):
            text = gr.Textbox(label="Text", elem_id="text")
        with gr.Column(scale=1):
            length = gr.Textbox(label="Length", elem_id="length")
    text.change(lambda t: str(len(t)), text, length)

CHECK = [("input", "text", "abc"), ("expect", "length", "3")]

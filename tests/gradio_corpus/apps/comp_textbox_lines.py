"""A multi-line Textbox: counting lines of 'a\nb\nc' shows 3."""

import reactive as gr

with gr.Blocks() as demo:
    text = gr.Textbox(lines=4, max_lines=8, placeholder="Type lines", label="Text", elem_id="text")
    count = gr.Number(label="Lines", elem_id="count")
    text.change(lambda t: len(t.splitlines()), text, count)

CHECK = [("input", "text", "a\nb\nc"), ("expect", "count", 3)]

"""textbox.input: typing 'abc' shows 'cba'."""

import reactive as gr

with gr.Blocks() as demo:
    text = gr.Textbox(label="Text", elem_id="text")
    reverse = gr.Textbox(label="Reversed", elem_id="reverse")
    text.input(lambda t: t[::-1], text, reverse)

CHECK = [("input", "text", "abc"), ("expect", "reverse", "cba")]

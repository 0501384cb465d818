"""textbox.change: typing 'hi' shows 'HI'."""

import reactive as gr

with gr.Blocks() as demo:
    text = gr.Textbox(label="Text", elem_id="text")
    shout = gr.Textbox(label="Shout", elem_id="shout")
    text.change(str.upper, text, shout)

CHECK = [("input", "text", "hi"), ("expect", "shout", "HI")]

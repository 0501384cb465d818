"""textbox.submit: Enter in the box with 'ping' shows 'pong: ping'."""

import reactive as gr

with gr.Blocks() as demo:
    box = gr.Textbox(label="Say", elem_id="box")
    reply = gr.Textbox(label="Reply", elem_id="reply")
    box.submit(lambda t: f"pong: {t}", box, reply)

CHECK = [("input", "box", "ping"), ("submit", "box"), ("expect", "reply", "pong: ping")]

"""A Blocks entered twice (`with demo:` again later adds a listener); clicking shows 'again'."""

import reactive as gr

with gr.Blocks() as demo:
    out = gr.Textbox(label="Out", elem_id="out")
    btn = gr.Button("Again", elem_id="again")
with demo:
    btn.click(lambda: "again", None, out)

CHECK = [("click", "again"), ("expect", "out", "again")]

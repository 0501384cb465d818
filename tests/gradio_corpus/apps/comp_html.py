"""An HTML output: Render shows '<b>bold</b>'."""

import reactive as gr

with gr.Blocks() as demo:
    html = gr.HTML(elem_id="html")
    gr.Button("Render", elem_id="render").click(lambda: "<b>bold</b>", None, html)

CHECK = [("click", "render"), ("expect", "html", "<b>bold</b>")]

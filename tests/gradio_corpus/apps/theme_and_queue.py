"""gr.Blocks(theme=dict) with demo.queue(): the app still answers; Go shows 'themed'."""

import reactive as gr

with gr.Blocks(theme={"--rx-accent": "#e11d48"}, title="Themed") as demo:
    out = gr.Textbox(label="Out", elem_id="out")
    gr.Button("Go", elem_id="go").click(lambda: "themed", None, out)
demo.queue()

CHECK = [("click", "go"), ("expect", "out", "themed")]

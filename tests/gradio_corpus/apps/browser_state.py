"""gr.BrowserState(default) is passed to the function: clicking shows 'theme: dark'."""

import reactive as gr

with gr.Blocks() as demo:
    saved = gr.BrowserState({"theme": "dark"}, storage_key="prefs")
    out = gr.Textbox(label="Out", elem_id="out")
    gr.Button("Read", elem_id="read").click(lambda s: f"theme: {s['theme']}", saved, out)

CHECK = [("click", "read"), ("expect", "out", "theme: dark")]

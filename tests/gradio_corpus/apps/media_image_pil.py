"""Image(type='pil'): a 3x2 PNG arrives as a PIL image and its mode 'RGB' is shown."""

import reactive as gr

with gr.Blocks() as demo:
    source = gr.Image(type="pil", label="Source", elem_id="source")
    mode = gr.Textbox(label="Mode", elem_id="mode")
    source.upload(lambda img: img.mode, source, mode)

CHECK = [("input", "source", ("png", 3, 2)), ("expect", "mode", "RGB")]

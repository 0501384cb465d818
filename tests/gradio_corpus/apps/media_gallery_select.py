"""gallery.select: selecting the second picture shows 'picture 1'."""

import numpy as np

import reactive as gr

with gr.Blocks() as demo:
    gallery = gr.Gallery(
        value=[np.zeros((4, 4, 3), dtype=np.uint8)] * 2, label="Pictures", elem_id="gallery"
    )
    chosen = gr.Textbox(label="Chosen", elem_id="chosen")

    def on_select(evt: gr.SelectData):
        return f"picture {evt.index}"

    gallery.select(on_select, None, chosen)

CHECK = [
    ("trigger", "gallery", "select", {"index": 1, "value": None, "selected": True}),
    ("expect", "chosen", "picture 1"),
]

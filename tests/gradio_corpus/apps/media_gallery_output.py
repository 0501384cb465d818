"""A Gallery output of two generated images: Show fills it with 2 items."""

import numpy as np

import reactive as gr

with gr.Blocks() as demo:
    gallery = gr.Gallery(label="Pictures", columns=2, elem_id="gallery")

    def show():
        return [np.zeros((4, 4, 3), dtype=np.uint8), np.full((4, 4, 3), 255, dtype=np.uint8)]

    gr.Button("Show", elem_id="show").click(show, None, gallery)

CHECK = [("click", "show"), ("expect_len", "gallery", 2)]

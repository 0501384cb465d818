"""An Image output from a numpy array: Draw shows a 4x4 image."""

import numpy as np

import reactive as gr

with gr.Blocks() as demo:
    image = gr.Image(label="Drawn", elem_id="image")
    gr.Button("Draw", elem_id="draw").click(
        lambda: np.full((4, 4, 3), 200, dtype=np.uint8), None, image
    )

CHECK = [("click", "draw"), ("expect_set", "image")]

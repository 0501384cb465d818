"""Gradio's image filter: an uploaded picture in, the sepia version out."""

import numpy as np

import reactive as gr


def sepia(input_img):  # type: ignore[no-untyped-def]
    sepia_filter = np.array(
        [[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]]
    )
    sepia_img = input_img.dot(sepia_filter.T)
    sepia_img /= sepia_img.max()
    return sepia_img


demo = gr.Interface(sepia, gr.Image(), "image")

if __name__ == "__main__":
    demo.launch()

"""Image in, Image out: a 3x2 PNG inverted comes back as an image, and its size '3x2' is shown."""

import reactive as gr

with gr.Blocks() as demo:
    source = gr.Image(label="Source", elem_id="source")
    inverted = gr.Image(label="Inverted", elem_id="inverted")
    size = gr.Textbox(label="Size", elem_id="size")

    def invert(img):
        return 255 - img, f"{img.shape[1]}x{img.shape[0]}"

    source.change(invert, source, [inverted, size])

CHECK = [("input", "source", ("png", 3, 2)), ("expect", "size", "3x2"), ("expect_set", "inverted")]

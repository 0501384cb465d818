"""gr.Interface(live=True) with a Slider and a Number: sliding to 3 shows 9."""

import reactive as gr

demo = gr.Interface(
    lambda x: x * x, gr.Slider(0, 10, step=1, elem_id="x"), gr.Number(elem_id="square"), live=True
)

CHECK = [("input", "x", 3), ("expect", "square", 9)]
